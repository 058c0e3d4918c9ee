package io.walrusj.nodeclient;

import java.util.Objects;

/** A Sui event id as the node API writes it: {@code {"txDigest": "<base58>", "eventSeq": "<u64>"}}. */
public record EventId(String txDigest, long eventSeq) {
    public EventId {
        Objects.requireNonNull(txDigest, "txDigest");
    }
}
