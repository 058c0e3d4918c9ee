package io.walrusj.core.crypto;

import io.walrusj.core.hash.Blake2b256;

/**
 * Sui intent signing (docs.sui.io "Intent Signing", "Signatures"): a user signature commits to
 * {@code Blake2b-256(intent || BCS(value))}, where the 3-byte intent is
 * {@code scope, version, app id}. For transactions the intent is {@code 00 00 00}
 * (TransactionData, V0, Sui). This is the value Ed25519 signs; it is <em>not</em> the
 * transaction digest Sui reports (that one hashes {@code "TransactionData::" || BCS}).
 */
public final class SuiIntent {
    /** Intent of a transaction: scope TransactionData (0), version V0 (0), app id Sui (0). */
    private static final byte[] TRANSACTION_DATA = {0, 0, 0};

    private SuiIntent() {}

    /** The 3 intent bytes of a transaction. */
    public static byte[] transactionIntent() {
        return TRANSACTION_DATA.clone();
    }

    /** {@code Blake2b-256(00 00 00 || txBcs)}: what a Sui account signs for a transaction. */
    public static byte[] transactionSigningDigest(byte[] txBcs) {
        return signingDigest(TRANSACTION_DATA, txBcs);
    }

    /** {@code Blake2b-256(intent || bcsValue)} for any 3-byte intent. */
    public static byte[] signingDigest(byte[] intent, byte[] bcsValue) {
        if (intent.length != 3) {
            throw new IllegalArgumentException("a Sui intent has 3 bytes, got " + intent.length);
        }
        byte[] input = new byte[3 + bcsValue.length];
        System.arraycopy(intent, 0, input, 0, 3);
        System.arraycopy(bcsValue, 0, input, 3, bcsValue.length);
        return Blake2b256.hash(input);
    }
}
