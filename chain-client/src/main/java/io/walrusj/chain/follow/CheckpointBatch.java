package io.walrusj.chain.follow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CheckpointFollower} hands to its {@link CheckpointBatchHandler}: the Walrus events
 * after the committed cursor up to {@code newCursor}, in chain order. Usually it covers one or more
 * whole checkpoints ({@code newCursor} is then {@link CheckpointCursor#endOf} the last of them);
 * {@code events} is empty when those checkpoints had no Walrus event (a cursor-only commit).
 *
 * @param events the decoded events, in chain order (possibly empty)
 * @param newCursor the cursor to commit together with the effects of {@code events}
 * @param checkpointTimestamp the timestamp of {@code newCursor}'s checkpoint
 */
public record CheckpointBatch(List<WalrusEventEnvelope> events, CheckpointCursor newCursor, Instant checkpointTimestamp) {

    public CheckpointBatch {
        events = List.copyOf(events);
        Objects.requireNonNull(newCursor, "newCursor");
        Objects.requireNonNull(checkpointTimestamp, "checkpointTimestamp");
    }

    /** Whether this is a cursor-only commit (checkpoints without Walrus events). */
    public boolean isEmpty() {
        return events.isEmpty();
    }
}
