package io.walrusj.chain.rpc;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sui's {@code EventID}: the transaction digest (Base58) and the index of the event within that
 * transaction's events. It is the cursor of {@code suix_queryEvents}; a query given a cursor
 * returns the events strictly after it.
 *
 * <p>JSON (sui-types {@code event.rs}, {@code #[serde(rename_all = "camelCase")]}, {@code eventSeq}
 * as {@code BigInt<u64>}): {@code {"txDigest":"<base58>","eventSeq":"3"}}.
 *
 * @param txDigest Base58 transaction digest
 * @param eventSeq event index within the transaction (u64, raw bits)
 */
public record EventId(String txDigest, long eventSeq) {

    public EventId {
        Objects.requireNonNull(txDigest, "txDigest");
        if (txDigest.isEmpty()) {
            throw new IllegalArgumentException("empty transaction digest");
        }
    }

    /** The Sui JSON form. */
    public ObjectNode toJson() {
        ObjectNode n = Json.NODES.objectNode();
        n.put("txDigest", txDigest);
        n.put("eventSeq", Long.toUnsignedString(eventSeq));
        return n;
    }

    /** Parses the Sui JSON form ({@code eventSeq} as a string or a number). */
    public static EventId fromJson(String method, JsonNode node, String path) {
        String digest = Json.requiredString(method, node, path, "txDigest");
        long seq = Json.u64(method, Json.required(method, node, path, "eventSeq"), path + ".eventSeq");
        if (digest.isEmpty()) {
            throw Json.bad(method, path + ".txDigest", "empty");
        }
        return new EventId(digest, seq);
    }

    /** {@code <txDigest>:<eventSeq>}, a compact form for storing a cursor in one text column. */
    @Override
    public String toString() {
        return txDigest + ":" + Long.toUnsignedString(eventSeq);
    }

    /** Parses {@link #toString()}. */
    public static EventId parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected <txDigest>:<eventSeq>, got '" + text + "'");
        }
        return new EventId(text.substring(0, colon), Long.parseUnsignedLong(text.substring(colon + 1)));
    }
}
