package io.walrusj.chain.follow;

/**
 * The consumer of a {@link CheckpointFollower}.
 *
 * <h2>Contract (exactly-once effects)</h2>
 * <ol>
 *   <li>{@link CheckpointBatch#events()} are the Walrus events strictly after the last committed
 *       cursor, in chain order, up to {@link CheckpointBatch#newCursor()}; the list may be empty
 *       (checkpoints without Walrus events: store the cursor only, so a restart does not re-scan them).
 *   <li>The handler applies the effects of <em>all</em> the events and stores {@code newCursor}
 *       in <b>one atomic commit</b> (e.g. one database transaction that also updates the row its
 *       {@link CheckpointCursorStore} reads), then returns.
 *   <li>If it throws, the follower backs off, re-reads the cursor from the
 *       {@link CheckpointCursorStore} and continues from there: not committed -> the same events
 *       come again (never skipped); committed, then failed -> delivery resumes after
 *       {@code newCursor} (never doubled).
 *   <li>Calls are never concurrent. The follower never writes the cursor itself.
 * </ol>
 */
@FunctionalInterface
public interface CheckpointBatchHandler {

    /**
     * Applies {@code batch.events()} and commits {@code batch.newCursor()} atomically with them.
     *
     * @throws Exception to have the batch (re)delivered from the committed cursor after a backoff
     */
    void handle(CheckpointBatch batch) throws Exception;
}
