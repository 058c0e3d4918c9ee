package io.walrusj.encoder.publish;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.encoder.api.DaemonException;

/**
 * What storing a blob from scratch costs (docs/spec/walrus-chain.md 5, client-http-api 2.1): storage units
 * {@code ceil(encodedLength / 2^20)}, storage fee {@code units * storagePrice * epochs} paid by
 * {@code reserve_space}, write fee {@code units * writePrice} paid by {@code register_blob}.
 *
 * @param encodedLength the encoded size, also the size of the Storage reserved
 */
public record StoreCost(long encodedLength, long units, long epochs, long storageFee, long writeFee) {

    public static StoreCost of(EncodingConfig config, long unencodedLength, long epochs, long storagePricePerUnit,
            long writePricePerUnit) {
        long units = config.storageUnits(unencodedLength);
        try {
            if (storagePricePerUnit < 0 || writePricePerUnit < 0) { // u64 above Long.MAX_VALUE (u64::MAX before a committee)
                throw new ArithmeticException("price beyond 2^63");
            }
            return new StoreCost(config.encodedLength(unencodedLength), units, epochs,
                    Math.multiplyExact(Math.multiplyExact(units, storagePricePerUnit), epochs),
                    Math.multiplyExact(units, writePricePerUnit));
        } catch (ArithmeticException e) {
            throw DaemonException.unavailable("PRICES_UNAVAILABLE",
                    "the chain's prices are not set yet (storage " + Long.toUnsignedString(storagePricePerUnit)
                            + ", write " + Long.toUnsignedString(writePricePerUnit) + " FROST per unit)");
        }
    }

    /** The {@code cost} of a {@code registerFromScratch} result: storage fee + write fee. */
    public long total() {
        return Math.addExact(storageFee, writeFee);
    }
}
