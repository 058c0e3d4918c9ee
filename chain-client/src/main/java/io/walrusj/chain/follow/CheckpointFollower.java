package io.walrusj.chain.follow;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.follow.CheckpointFollowerException.Reason;
import io.walrusj.chain.grpc.CheckpointData;
import io.walrusj.chain.grpc.CheckpointStream;
import io.walrusj.chain.grpc.ServiceInfo;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.model.WalrusEvents;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Follows the Walrus events through Sui gRPC checkpoints, exactly once, from a durable
 * {@link CheckpointCursor} (contract: {@link CheckpointBatchHandler}; the README has the whole story).
 *
 * <p>A <em>session</em> reads the cursor from the {@link CheckpointCursorStore} (or takes the
 * configured start position), reads the chain head ({@code GetServiceInfo}), subscribes to new
 * checkpoints ({@code SubscribeCheckpoints}), reads every checkpoint from the cursor up to the head
 * with {@code GetCheckpoint} ({@link CheckpointBackfill}: bounded concurrency, in order), then takes
 * checkpoints from the stream; a stream checkpoint beyond the next expected one first has the gap
 * read by sequence number, one at or before the cursor is dropped. The Walrus events of each
 * checkpoint ({@link CheckpointEvents}) are batched ({@link CheckpointBatcher}) and handed to the
 * handler; every checkpoint, also one without Walrus events, moves the cursor.
 *
 * <p>A session ends on any failure: RPC or stream error, the server ending the stream, a stall (no
 * checkpoint for {@code stallTimeout} while the chain head is past the follower), an undecodable
 * Walrus event, a handler or cursor-store exception. The next session starts after the
 * {@link Backoff} delay and re-reads the cursor, so nothing is skipped or repeated. After
 * {@code maxConsecutiveErrors} failed sessions without a commit in between, the follower ends in
 * {@link State#FAILED}.
 */
public final class CheckpointFollower implements AutoCloseable {

    private static final Logger LOG = System.getLogger(CheckpointFollower.class.getName());
    private static final long UNKNOWN = Long.MIN_VALUE;
    static final long LATEST = -1;

    /** Lifecycle of the follower. */
    public enum State {
        NEW, RUNNING, STOPPED, FAILED
    }

    private final SuiGrpcClient sui;
    private final CheckpointEvents events;
    private final CheckpointCursorStore cursorStore;
    private final CheckpointBatchHandler handler;
    private final long startCheckpoint;
    private final int maxBatchEvents;
    private final int maxBatchCheckpoints;
    private final int backfillConcurrency;
    private final Duration stallTimeout;
    private final Backoff backoff;
    private final int maxConsecutiveErrors;
    private final FollowerListener listener;
    private final InstantSource clock;
    private final RandomGenerator random = RandomGenerator.getDefault();

    // Owned by the loop thread.
    private CheckpointCursor resolvedStart; // the start position once resolved (LATEST is fixed at the first session)
    private boolean startResolved;
    private boolean progress; // a commit since the last failed session

    // Read by other threads.
    private volatile CheckpointCursor cursor;
    private volatile long doneCheckpoint = UNKNOWN;
    private volatile long latestKnown = UNKNOWN;
    private volatile Instant lastTimestamp;
    private volatile CheckpointStream stream;
    private volatile State state = State.NEW;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private final Object interruptLock = new Object();
    private boolean interruptible; // guarded by interruptLock

    CheckpointFollower(CheckpointFollowerBuilder b) {
        this.sui = b.sui;
        this.events = new CheckpointEvents(b.decoder);
        this.cursorStore = b.cursorStore;
        this.handler = b.handler;
        this.startCheckpoint = b.startCheckpoint;
        this.maxBatchEvents = b.maxBatchEvents;
        this.maxBatchCheckpoints = b.maxBatchCheckpoints;
        this.backfillConcurrency = b.backfillConcurrency;
        this.stallTimeout = b.stallTimeout;
        this.backoff = b.backoff;
        this.maxConsecutiveErrors = b.maxConsecutiveErrors;
        this.listener = b.listener;
        this.clock = b.clock;
    }

    /** A follower of {@code network}'s Walrus events ({@link WalrusEvents#forNetwork}: all its event package IDs). */
    public static CheckpointFollowerBuilder builder(SuiGrpcClient sui, WalrusNetwork network, CheckpointCursorStore cursorStore,
            CheckpointBatchHandler handler) {
        return new CheckpointFollowerBuilder(sui, WalrusEvents.forNetwork(network), cursorStore, handler);
    }

    /** A follower with an explicit decoder; its {@link WalrusEvents#packageIds()} select the events. */
    public static CheckpointFollowerBuilder builder(SuiGrpcClient sui, WalrusEvents decoder, CheckpointCursorStore cursorStore,
            CheckpointBatchHandler handler) {
        return new CheckpointFollowerBuilder(sui, decoder, cursorStore, handler);
    }

    // ------------------------------------------------------------------ one session

    private void session() throws InterruptedException {
        Optional<CheckpointCursor> stored = loadCursor();
        ServiceInfo info = sui.serviceInfo();
        long head = info.checkpointHeight();
        noteHead(head);
        CheckpointCursor start = stored.orElseGet(() -> startPosition(head));
        cursor = start;
        doneCheckpoint = start == null ? -1 : start.lastCompleteCheckpoint();
        CheckpointBatcher batcher = new CheckpointBatcher(events, maxBatchEvents, maxBatchCheckpoints, start, this::commit);
        if (batcher.nextCheckpoint() < info.lowestAvailableCheckpoint()) {
            throw new CheckpointFollowerException(Reason.CHECKPOINT_UNAVAILABLE, "the follower needs checkpoint "
                    + batcher.nextCheckpoint() + " but the server keeps only checkpoints from "
                    + info.lowestAvailableCheckpoint() + " on (start from a later checkpoint, or use an archival node)");
        }
        try (CheckpointStream s = sui.subscribeCheckpoints()) {
            stream = s;
            if (stopRequested) {
                return;
            }
            backfill(batcher, head);
            while (!stopRequested) {
                Optional<CheckpointData> next;
                try {
                    next = s.poll(batcher.hasPending() ? Duration.ZERO : stallTimeout);
                } catch (RuntimeException e) {
                    batcher.flush(); // the checkpoints read are complete: commit them before reconnecting
                    throw e;
                }
                if (next.isPresent()) {
                    CheckpointData c = next.get();
                    noteHead(c.sequenceNumber());
                    if (c.sequenceNumber() >= batcher.nextCheckpoint()) { // else: already handled, dropped
                        backfill(batcher, c.sequenceNumber() - 1);
                        batcher.add(c);
                    }
                } else if (stopRequested) {
                    return;
                } else if (batcher.hasPending()) {
                    batcher.flush();
                } else if (s.isFinished()) {
                    throw new CheckpointFollowerException(Reason.STREAM_ENDED, "the server ended the checkpoint "
                            + "subscription after checkpoint " + s.cursor().orElse(-1));
                } else if (chainHead() >= batcher.nextCheckpoint()) {
                    throw new CheckpointFollowerException(Reason.STREAM_STALLED, "no checkpoint for " + stallTimeout
                            + " although the chain is at " + latestKnown + " and the follower at " + cursor);
                }
            }
        } finally {
            stream = null;
        }
    }

    private Optional<CheckpointCursor> loadCursor() {
        try {
            return cursorStore.load();
        } catch (Exception e) {
            throw new EventHandlerException("cursor store failed: " + e, null, e);
        }
    }

    /** The configured start as a cursor (null = before checkpoint 0); "latest" is fixed the first time. */
    private CheckpointCursor startPosition(long head) {
        if (!startResolved) {
            long first = startCheckpoint == LATEST ? head : startCheckpoint;
            resolvedStart = first == 0 ? null : CheckpointCursor.endOf(first - 1);
            startResolved = true;
        }
        return resolvedStart;
    }

    /** Reads and delivers the checkpoints from the batcher's next one up to {@code to}. */
    private void backfill(CheckpointBatcher batcher, long to) throws InterruptedException {
        if (batcher.nextCheckpoint() > to) {
            return;
        }
        try (CheckpointBackfill fill = new CheckpointBackfill(sui, batcher.nextCheckpoint(), to, backfillConcurrency)) {
            while (fill.hasNext() && !stopRequested) {
                batcher.add(fill.next());
            }
        }
    }

    private long chainHead() {
        long head = sui.serviceInfo().checkpointHeight();
        noteHead(head);
        return head;
    }

    private void noteHead(long seq) {
        if (seq > latestKnown) {
            latestKnown = seq;
        }
    }

    private void commit(CheckpointBatch batch) throws InterruptedException {
        if (!enterHandlerPhase()) {
            throw new InterruptedException("stopping");
        }
        try {
            handler.handle(batch);
        } catch (Exception e) {
            throw new EventHandlerException("checkpoint batch handler failed on " + batch.events().size()
                    + " events up to " + batch.newCursor() + ": " + e, null, e);
        } finally {
            leaveHandlerPhase();
        }
        cursor = batch.newCursor();
        doneCheckpoint = batch.newCursor().lastCompleteCheckpoint();
        lastTimestamp = batch.checkpointTimestamp();
        progress = true;
        listener.onCheckpointBatch(batch);
    }

    // ------------------------------------------------------------------ metrics

    /** The cursor last loaded from the store or committed (empty before the first session or before checkpoint 0). */
    public Optional<CheckpointCursor> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** The highest checkpoint sequence number the server reported (stream or head reads). */
    public OptionalLong latestKnownCheckpoint() {
        long h = latestKnown;
        return h == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(h);
    }

    /** Latest known checkpoint minus the last completely handled one (0 = caught up); empty until both are known. */
    public OptionalLong checkpointLag() {
        long h = latestKnown;
        long done = doneCheckpoint;
        return h == UNKNOWN || done == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(Math.max(0, h - done));
    }

    /**
     * Now minus the timestamp of the checkpoint of the last commit, in seconds; empty before the
     * first commit. On a chain that makes no checkpoints it grows although {@link #checkpointLag()} is 0.
     */
    public OptionalDouble secondsLag() {
        Instant t = lastTimestamp;
        return t == null ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, clock.millis() - t.toEpochMilli()) / 1000.0);
    }

    // ------------------------------------------------------------------ loop

    /**
     * Starts following on a virtual thread.
     *
     * @throws IllegalStateException if already started
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("follower already started (" + state + ")");
        }
        state = State.RUNNING;
        synchronized (interruptLock) {
            interruptible = true;
        }
        thread = Thread.ofVirtual().name("walrus-checkpoint-follower").unstarted(this::run);
        thread.start();
    }

    private void run() {
        int errors = 0;
        try {
            while (!stopRequested) {
                try {
                    session();
                } catch (RuntimeException e) {
                    if (stopRequested) {
                        break;
                    }
                    errors = progress ? 1 : errors + 1;
                    progress = false;
                    if (maxConsecutiveErrors > 0 && errors >= maxConsecutiveErrors) {
                        failure = e;
                        state = State.FAILED;
                        LOG.log(Level.ERROR, "checkpoint follower giving up after " + errors + " consecutive errors", e);
                        listener.onFailed(e);
                        return;
                    }
                    Duration delay = backoff.delay(errors, random);
                    LOG.log(Level.WARNING, "checkpoint follower session failed (" + errors + " in a row), "
                            + "resuming from the stored cursor in " + delay + ": " + e);
                    listener.onError(e, errors, delay);
                    Thread.sleep(delay);
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupted a wait
        } catch (Throwable t) {
            failure = t;
            state = State.FAILED;
            LOG.log(Level.ERROR, "checkpoint follower died", t);
            throw t;
        } finally {
            if (state == State.RUNNING) {
                state = State.STOPPED;
            }
        }
    }

    /** Before the handler: stop() no longer interrupts the loop thread. False if stopping. */
    private boolean enterHandlerPhase() {
        synchronized (interruptLock) {
            interruptible = false;
            Thread.interrupted(); // a stop() interrupt that raced with us; stopRequested tells
            return !stopRequested;
        }
    }

    private void leaveHandlerPhase() {
        synchronized (interruptLock) {
            interruptible = true;
        }
    }

    /**
     * Stops following and waits for the thread: the stream is cancelled, waits and RPC calls are
     * interrupted, a running handler finishes its batch.
     *
     * @return whether the thread ended within {@code timeout}
     */
    public boolean stop(Duration timeout) {
        stopRequested = true;
        Thread t;
        synchronized (this) {
            t = thread;
            if (t == null && state == State.NEW) {
                state = State.STOPPED;
            }
        }
        if (t == null) {
            return true;
        }
        CheckpointStream s = stream;
        if (s != null) {
            s.close();
        }
        synchronized (interruptLock) {
            if (interruptible) {
                t.interrupt();
            }
        }
        try {
            return t.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@link #stop(Duration)} with a 30 s wait. */
    public void stop() {
        stop(Duration.ofSeconds(30));
    }

    /** Waits up to {@code timeout} for the thread to end (failure or {@link #stop}). */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Thread t = thread;
        return t == null || t.join(timeout);
    }

    public State state() {
        return state;
    }

    /** Why the follower ended in {@link State#FAILED}. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        stop();
    }
}
