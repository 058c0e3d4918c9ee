package io.walrusj.indexer.store;

import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.rpc.EventId;
import java.util.Optional;

/**
 * The committed cursor row of a stream.
 *
 * @param lastEvent the ID of the last event whose effects are committed (empty before any)
 * @param checkpoint the checkpoint follower's cursor; empty in a row written by the legacy
 *     JSON-RPC follower (whose cursor is {@code lastEvent})
 * @param lastEventId the last event's position in the event log ({@code events.id}, 0 before any)
 */
public record StoredCursor(Optional<EventId> lastEvent, Optional<CheckpointCursor> checkpoint, long lastEventId) {

    /** Written by the legacy JSON-RPC follower: events, but no checkpoint cursor. */
    public boolean isLegacy() {
        return checkpoint.isEmpty() && lastEvent.isPresent();
    }
}
