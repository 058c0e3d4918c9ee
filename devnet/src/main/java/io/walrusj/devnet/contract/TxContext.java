package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * The inputs of a transaction besides the call: the sender (pays fees, owns created objects), the
 * transaction digest (seeds the ids of created objects, as Sui derives them) and the timestamp (the
 * clock that gates epoch changes). Replaying the same (context, call) sequence reproduces the ledger.
 * Digests must be unique per transaction (a reused digest would derive the same object ids); the
 * timestamps should not go backwards (Sui's clock does not), though nothing enforces it.
 */
public record TxContext(SuiAddress sender, byte[] txDigest, long timestampMs) {
    public static final int DIGEST_LENGTH = 32;

    public TxContext {
        Objects.requireNonNull(sender, "sender");
        if (txDigest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("a transaction digest has 32 bytes, got " + txDigest.length);
        }
        txDigest = txDigest.clone();
        if (timestampMs < 0) {
            throw new IllegalArgumentException("timestamp must be >= 0, got " + timestampMs);
        }
    }

    @Override
    public byte[] txDigest() {
        return txDigest.clone();
    }
}
