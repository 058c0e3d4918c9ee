package io.walrusj.chain;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;

/**
 * The object id Sui gives the dynamic field of {@code parent} named {@code name}:
 * {@code Blake2b-256(0xf0 || parent || u64_le(len(name bcs)) || name bcs || bcs(name type tag))}
 * ({@code sui-types} {@code dynamic_field::derive_dynamic_field_id}). The devnet derives its field
 * ids the same way. Only for plain dynamic fields ({@code dynamic_field}); a dynamic <em>object</em>
 * field wraps its name in {@code dynamic_object_field::Wrapper}.
 */
public final class DynamicFieldIds {

    private static final SuiAddress SUI_FRAMEWORK = SuiAddress.parseLenient("0x2");

    private DynamicFieldIds() {
    }

    public static SuiAddress derive(SuiAddress parent, ObjectSource.FieldName name) {
        byte[] nameBcs = name.bcs();
        byte[] input = BcsWriter.encode(w -> {
            w.u8(0xf0);
            parent.writeBcs(w);
            w.u64(nameBcs.length);
            w.fixedBytes(nameBcs);
            typeTag(w, name.type());
        });
        return SuiAddress.of(Blake2b256.hash(input));
    }

    /** BCS of the Move {@code TypeTag} of the name types walrusj uses. */
    private static void typeTag(BcsWriter w, String type) {
        switch (type) {
            case "u64" -> w.u8(2);
            case "address" -> w.u8(4);
            case "vector<u8>" -> w.u8(6).u8(1);
            case "0x2::object::ID" -> {
                w.u8(7); // Struct
                SUI_FRAMEWORK.writeBcs(w);
                w.bytes("object".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                w.bytes("ID".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                w.uleb128(0); // no type parameters
            }
            default -> throw new IllegalArgumentException("unsupported dynamic field name type " + type);
        }
    }
}
