package io.walrusj.devnet.ledger;

/** A checkpoint; the devnet puts every accepted transaction in its own checkpoint. */
public record Checkpoint(long sequenceNumber, byte[] digest, byte[] previousDigest, long timestampMs, long epoch) {}
