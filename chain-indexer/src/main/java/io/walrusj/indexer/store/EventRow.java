package io.walrusj.indexer.store;

/**
 * One row of the event log.
 *
 * @param json the fields as JSON (Sui's parsedJson rendering), or null for an unknown event
 */
public record EventRow(long id, String txDigest, long eventSeq, String type, String name, String sender,
        Long timestampMs, String json, byte[] bcs) {
}
