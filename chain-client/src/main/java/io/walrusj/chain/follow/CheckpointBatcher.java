package io.walrusj.chain.follow;

import io.walrusj.chain.grpc.CheckpointData;
import io.walrusj.chain.model.WalrusDecodeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns consecutive checkpoints into {@link CheckpointBatch}es. Checkpoints are added strictly in
 * sequence order; their Walrus events accumulate until {@link #flush()} (the follower calls it
 * when no further checkpoint is at hand) or until a batch holds {@code maxEvents} events or spans
 * {@code maxCheckpoints} checkpoints. A checkpoint with more Walrus events than {@code maxEvents}
 * is split: every part but the last commits a cursor inside the checkpoint. A checkpoint with an
 * undecodable Walrus event first has what precedes it committed, then throws. Not thread-safe.
 */
final class CheckpointBatcher {

    /** Receives each batch; a failure propagates to the caller of {@link #add} / {@link #flush}. */
    @FunctionalInterface
    interface Sink {
        void commit(CheckpointBatch batch) throws InterruptedException;
    }

    private final CheckpointEvents events;
    private final int maxEvents;
    private final int maxCheckpoints;
    private final CheckpointCursor start;
    private final Sink sink;
    private final List<WalrusEventEnvelope> pending = new ArrayList<>();
    private long nextCheckpoint;
    private int pendingCheckpoints;
    private CheckpointCursor pendingCursor;
    private Instant pendingTimestamp;

    /** @param start the committed cursor to continue after, null to start at checkpoint 0 */
    CheckpointBatcher(CheckpointEvents events, int maxEvents, int maxCheckpoints, CheckpointCursor start, Sink sink) {
        this.events = events;
        this.maxEvents = maxEvents;
        this.maxCheckpoints = maxCheckpoints;
        this.start = start;
        this.sink = sink;
        this.nextCheckpoint = start == null ? 0 : start.nextCheckpoint();
    }

    /** The sequence number the next {@link #add} must have. */
    long nextCheckpoint() {
        return nextCheckpoint;
    }

    /** Whether checkpoints were added since the last commit. */
    boolean hasPending() {
        return pendingCursor != null;
    }

    /** Adds the next checkpoint; commits when a limit is reached. */
    void add(CheckpointData c) throws InterruptedException {
        if (c.sequenceNumber() != nextCheckpoint) {
            throw new IllegalStateException("expected checkpoint " + nextCheckpoint + ", got " + c.sequenceNumber());
        }
        List<WalrusEventEnvelope> found;
        try {
            found = events.walrusEvents(c, start);
        } catch (WalrusDecodeException e) {
            flush(); // commit what precedes the undecodable event, then stop in front of it
            throw e;
        }
        for (int i = 0; i < found.size(); i++) {
            pending.add(found.get(i));
            if (pending.size() >= maxEvents && i < found.size() - 1) {
                commit(found.get(i).cursor().orElseThrow(), c.timestamp());
            }
        }
        nextCheckpoint = c.sequenceNumber() + 1;
        pendingCursor = CheckpointCursor.endOf(c.sequenceNumber());
        pendingTimestamp = c.timestamp();
        pendingCheckpoints++;
        if (pending.size() >= maxEvents || pendingCheckpoints >= maxCheckpoints) {
            flush();
        }
    }

    /** Commits what was added since the last commit (a cursor-only batch if it has no Walrus event). */
    void flush() throws InterruptedException {
        if (pendingCursor != null) {
            commit(pendingCursor, pendingTimestamp);
        }
    }

    private void commit(CheckpointCursor cursor, Instant timestamp) throws InterruptedException {
        sink.commit(new CheckpointBatch(pending, cursor, timestamp));
        pending.clear();
        pendingCursor = null;
        pendingTimestamp = null;
        pendingCheckpoints = 0;
    }
}
