package io.walrusj.chain;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The few Sui reads the Walrus logic of {@link WalrusChainReader} and {@link BlobObjectReader}
 * needs, whatever the transport: {@link GrpcObjectSource} (Sui gRPC v2, the default) and
 * {@link JsonRpcObjectSource} (legacy JSON-RPC). Transport failures surface as the client's
 * {@link ChainException}s; "does not exist" is an empty result.
 */
public interface ObjectSource {

    /** A Move object: id, full type (if the server said), and the BCS of the Move struct value. */
    record MoveObject(SuiAddress id, Optional<String> type, byte[] contents) {
        public MoveObject {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(contents, "contents");
        }
    }

    /**
     * The name of a dynamic field: its Move type ({@code u64}, {@code vector<u8>}, {@code address},
     * {@code 0x2::object::ID}) and BCS value.
     */
    record FieldName(String type, byte[] bcs) {
        public FieldName {
            Objects.requireNonNull(type, "type");
            bcs = bcs.clone();
        }

        @Override
        public byte[] bcs() {
            return bcs.clone();
        }

        public static FieldName u64(long value) {
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (value >>> (8 * i));
            }
            return new FieldName("u64", b);
        }

        public static FieldName id(SuiAddress id) {
            return new FieldName("0x2::object::ID", id.bytes());
        }

        /** A {@code vector<u8>} name (BCS: ULEB128 length, then the bytes). */
        public static FieldName bytes(byte[] value) {
            return new FieldName("vector<u8>", io.walrusj.core.bcs.BcsWriter.encode(w -> w.bytes(value)));
        }
    }

    /** The live object, or empty if it does not exist (or was deleted). */
    Optional<MoveObject> object(SuiAddress id);

    /** The field object {@code 0x2::dynamic_field::Field<N, V>} of {@code parent} named {@code name}, or empty. */
    Optional<MoveObject> dynamicField(SuiAddress parent, FieldName name);

    /**
     * The package version that first defined each datatype of {@code module} in package
     * {@code packageId} (its type origin table).
     */
    Map<String, SuiAddress> typeOrigins(SuiAddress packageId, String module);

    /** The sequence number of the latest checkpoint the server has. */
    long latestCheckpoint();

    /** The balance of {@code coinType} owned by {@code owner}, in the coin's smallest unit. */
    long balance(SuiAddress owner, String coinType);
}
