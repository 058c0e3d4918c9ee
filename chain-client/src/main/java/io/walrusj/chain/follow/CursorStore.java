package io.walrusj.chain.follow;

import io.walrusj.chain.rpc.EventId;
import java.util.Optional;

/**
 * Where the consumer's durable event cursor is read from: the ID of the last event whose effects
 * the consumer has committed. {@link EventFollower} reads it when it starts and again after every
 * failed batch; it never writes it. Writing is the job of {@link EventBatchHandler#handle}, in the
 * same transaction as the batch's effects.
 */
@FunctionalInterface
public interface CursorStore {

    /** The last committed cursor, or empty to start from the first Walrus event. */
    Optional<EventId> load() throws Exception;
}
