package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.SuiAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A blob's attributes ({@code docs/spec/walrus-chain.md} 2.3): Move {@code metadata::Metadata { metadata:
 * VecMap<String, String> }}, kept in the dynamic field named {@code b"metadata"} (type
 * {@code vector<u8>}) of the {@code Blob} object. Entries keep the VecMap's order.
 */
public record BlobAttributes(List<Map.Entry<String, String>> entries) {
    /** The dynamic field name under which a Blob keeps its attributes. */
    public static final String FIELD_NAME = "metadata";

    public BlobAttributes {
        entries = List.copyOf(entries);
    }

    public static BlobAttributes empty() {
        return new BlobAttributes(List.of());
    }

    public static byte[] fieldNameBytes() {
        return FIELD_NAME.getBytes(StandardCharsets.UTF_8);
    }

    public Optional<String> get(String key) {
        return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** {@code Metadata}: a VecMap is {@code contents: vector<Entry { key: String, value: String }>}. */
    public static BlobAttributes read(BcsReader r) {
        List<Map.Entry<String, String>> out = new ArrayList<>(r.sequence(rr -> Map.entry(rr.string(), rr.string())));
        return new BlobAttributes(out);
    }

    /**
     * Decodes the dynamic field object {@code 0x2::dynamic_field::Field<vector<u8>, Metadata>}: its
     * UID, the name (which must be {@code b"metadata"}), then the value.
     */
    public static BlobAttributes fromFieldBcs(byte[] bcs) {
        return MoveObjects.decode("blob attributes field", bcs, r -> {
            SuiAddress.read(r); // the field object's own UID
            byte[] name = r.bytes();
            if (!Arrays.equals(name, fieldNameBytes())) {
                throw new WalrusDecodeException(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE,
                        "blob attributes field is named '" + new String(name, StandardCharsets.UTF_8) + "'");
            }
            return read(r);
        });
    }
}
