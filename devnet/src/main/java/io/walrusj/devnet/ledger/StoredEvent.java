package io.walrusj.devnet.ledger;

import io.walrusj.core.crypto.SuiAddress;

/** One emitted event with its position in the chain: (transaction sequence, event sequence). */
public record StoredEvent(long txSequence, int eventSeq, byte[] txDigest, long checkpoint, SuiAddress packageId,
        String module, String type, SuiAddress sender, byte[] bcs, String parsedJson, long timestampMs) {}
