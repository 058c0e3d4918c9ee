package io.walrusj.indexer.store;

import io.walrusj.chain.rpc.EventId;

/**
 * The committed cursor of a stream.
 *
 * @param cursor the ID of the last event whose effects are committed
 * @param lastEventId that event's position in the event log ({@code events.id})
 */
public record StoredCursor(EventId cursor, long lastEventId) {
}
