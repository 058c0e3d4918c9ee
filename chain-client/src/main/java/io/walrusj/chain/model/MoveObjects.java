package io.walrusj.chain.model;

import io.walrusj.chain.model.WalrusDecodeException.Reason;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.SuiAddress;
import java.util.function.Function;

/**
 * Decoding helpers for Move objects' BCS contents (what Sui returns as {@code bcs.bcsBytes}).
 * Every {@link BcsException} becomes a {@link WalrusDecodeException} with reason
 * {@link Reason#MALFORMED_BCS}.
 */
public final class MoveObjects {

    private MoveObjects() {
    }

    /** Decodes all of {@code bcs} with {@code reader}; trailing bytes are an error. */
    public static <T> T decode(String what, byte[] bcs, Function<BcsReader, ? extends T> reader) {
        try {
            return BcsReader.decode(bcs, reader);
        } catch (BcsException e) {
            throw malformed(what, bcs, e);
        }
    }

    /** Decodes a prefix of {@code bcs} with {@code reader} and ignores the remaining bytes. */
    public static <T> T decodePrefix(String what, byte[] bcs, Function<BcsReader, ? extends T> reader) {
        try {
            return reader.apply(new BcsReader(bcs));
        } catch (BcsException e) {
            throw malformed(what, bcs, e);
        }
    }

    /**
     * Decodes a dynamic field object {@code 0x2::dynamic_field::Field<u64, V>}, whose BCS is
     * {@code id: UID, name: u64, value: V}, checks that the name is {@code expectedName} and reads
     * the value with {@code valueReader}.
     *
     * @param wholeValue whether {@code valueReader} must consume all remaining bytes (false: it
     *     reads a prefix of {@code V} and the rest is ignored)
     */
    public static <V> V decodeU64Field(String what, byte[] bcs, long expectedName,
            Function<BcsReader, ? extends V> valueReader, boolean wholeValue) {
        Function<BcsReader, V> fieldReader = r -> {
            SuiAddress.read(r); // the field object's own UID
            long name = r.u64();
            if (name != expectedName) {
                throw new WalrusDecodeException(Reason.WRONG_OBJECT_TYPE, what + ": dynamic field name is "
                        + Long.toUnsignedString(name) + ", expected " + Long.toUnsignedString(expectedName));
            }
            return valueReader.apply(r);
        };
        return wholeValue ? decode(what, bcs, fieldReader) : decodePrefix(what, bcs, fieldReader);
    }

    private static WalrusDecodeException malformed(String what, byte[] bcs, BcsException e) {
        return new WalrusDecodeException(Reason.MALFORMED_BCS,
                "cannot decode " + what + " from " + bcs.length + " bytes: " + e.getMessage(), e);
    }
}
