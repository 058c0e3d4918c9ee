package io.walrusj.chain.follow;

import io.walrusj.chain.rpc.EventId;
import java.util.List;

/**
 * The consumer of an {@link EventFollower}.
 *
 * <h2>Contract (exactly-once effects)</h2>
 * <ol>
 *   <li>{@code events} are the Walrus events following the last committed cursor, in chain order,
 *       and {@code newCursor} is the ID of the last of them.
 *   <li>The handler must apply the effects of <em>all</em> the events and store
 *       {@code newCursor} in <b>one atomic commit</b> (e.g. one database transaction that also
 *       updates the row its {@link CursorStore} reads), then return.
 *   <li>If it throws, the follower assumes nothing needs to be known about what happened: it
 *       backs off, re-reads the cursor from the {@link CursorStore} and queries again from there.
 *       If the commit did not happen, the same events are delivered again (never skipped); if it
 *       did happen (e.g. the handler failed after committing), delivery resumes after
 *       {@code newCursor} (never doubled).
 *   <li>The handler is called from one thread at a time, never concurrently.
 * </ol>
 * A handler that cannot commit atomically must instead be idempotent per {@link EventId}.
 */
@FunctionalInterface
public interface EventBatchHandler {

    /**
     * Applies {@code events} and commits {@code newCursor} atomically with them.
     *
     * @param events one page of events (non-empty), in chain order
     * @param newCursor the ID of the last event of {@code events}
     * @throws Exception to have the batch (re)delivered from the committed cursor after a backoff
     */
    void handle(List<WalrusEventEnvelope> events, EventId newCursor) throws Exception;
}
