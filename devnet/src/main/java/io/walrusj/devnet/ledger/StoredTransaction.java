package io.walrusj.devnet.ledger;

import io.walrusj.core.crypto.SuiAddress;

/** An accepted transaction: the exact signed bytes and signature, replayed on start. */
public record StoredTransaction(long sequence, byte[] digest, long checkpoint, SuiAddress sender, byte[] txBytes,
        String signature, long timestampMs) {}
