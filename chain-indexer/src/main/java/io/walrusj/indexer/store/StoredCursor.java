package io.walrusj.indexer.store;

import java.util.Optional;

/**
 * The committed cursor row of a stream.
 *
 * @param cursor the follower's cursor text as chain-client's {@code WalrusFollower} writes it
 *     ({@code checkpoint:<seq>[:<position>]} over gRPC, {@code event:<txDigest>:<eventSeq>} over
 *     legacy JSON-RPC); empty before the first commit
 * @param lastEventId the last ingested event's position in the event log ({@code events.id}, 0 before any)
 */
public record StoredCursor(Optional<String> cursor, long lastEventId) {
}
