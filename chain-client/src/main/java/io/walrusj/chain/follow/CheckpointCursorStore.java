package io.walrusj.chain.follow;

import java.util.Optional;

/**
 * Where a {@link CheckpointFollower} reads the consumer's durable cursor from. The follower reads it
 * at the start of every session (start, reconnect, after a failed batch); it never writes it:
 * writing is the job of {@link CheckpointBatchHandler#handle}, in the same commit as the effects.
 */
@FunctionalInterface
public interface CheckpointCursorStore {

    /** The last committed cursor, or empty when nothing was committed yet (the follower's start position applies). */
    Optional<CheckpointCursor> load() throws Exception;
}
