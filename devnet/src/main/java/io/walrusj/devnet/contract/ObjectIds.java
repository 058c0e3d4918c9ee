package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;

/**
 * Object id derivation exactly as Sui does it. Objects created by a transaction get
 * {@code Blake2b-256(0xf1 || tx digest || u64_le(creation counter))}; dynamic-field objects get
 * {@code Blake2b-256(0xf0 || parent || u64_le(len(name bcs)) || name bcs || bcs(name type tag))}.
 */
public final class ObjectIds {
    private static final byte REGULAR_OBJECT_ID = (byte) 0xf1;
    private static final byte CHILD_OBJECT_ID = (byte) 0xf0;
    /** BCS of the Move type tag {@code u64}. */
    static final byte[] U64_TYPE_TAG = {2};
    /** BCS of the Move type tag {@code vector<u8>}. */
    static final byte[] BYTE_VECTOR_TYPE_TAG = {6, 1};

    private ObjectIds() {}

    /** The id of the {@code creationIndex}-th object created by the transaction with digest {@code txDigest}. */
    public static SuiAddress derive(byte[] txDigest, long creationIndex) {
        if (txDigest.length != TxContext.DIGEST_LENGTH) {
            throw new IllegalArgumentException("a transaction digest has 32 bytes, got " + txDigest.length);
        }
        byte[] input = new byte[1 + 32 + 8];
        input[0] = REGULAR_OBJECT_ID;
        System.arraycopy(txDigest, 0, input, 1, 32);
        putLongLe(input, 33, creationIndex);
        return SuiAddress.of(Blake2b256.hash(input));
    }

    /** The id of the dynamic field of {@code parent} named by {@code nameBcs} of the type whose tag BCS is given. */
    public static SuiAddress dynamicField(SuiAddress parent, byte[] nameTypeTagBcs, byte[] nameBcs) {
        byte[] input = new byte[1 + 32 + 8 + nameBcs.length + nameTypeTagBcs.length];
        input[0] = CHILD_OBJECT_ID;
        System.arraycopy(parent.bytes(), 0, input, 1, 32);
        putLongLe(input, 33, nameBcs.length);
        System.arraycopy(nameBcs, 0, input, 41, nameBcs.length);
        System.arraycopy(nameTypeTagBcs, 0, input, 41 + nameBcs.length, nameTypeTagBcs.length);
        return SuiAddress.of(Blake2b256.hash(input));
    }

    /** The id of the {@code Field<u64, V>} of {@code parent} named {@code name} (the versioned inner states). */
    public static SuiAddress u64Field(SuiAddress parent, long name) {
        byte[] nameBcs = new byte[8];
        putLongLe(nameBcs, 0, name);
        return dynamicField(parent, U64_TYPE_TAG, nameBcs);
    }

    private static void putLongLe(byte[] out, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            out[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
