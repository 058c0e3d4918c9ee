package io.walrusj.chain.follow;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.chain.rpc.EventFilter;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.rpc.EventPage;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.chain.rpc.SuiProtocolException;
import io.walrusj.chain.rpc.SuiRpcClient;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Follows the Walrus event stream through {@code suix_queryEvents} from a durable cursor.
 *
 * <p>Each poll asks for the events matching the filter (by default
 * {@code {"MoveEventModule":{"package":<original id>,"module":"events"}}}) strictly after the
 * cursor, in ascending order, decodes the whole page and hands it to the
 * {@link EventBatchHandler} together with the ID of its last event, which the handler commits
 * atomically with its effects (see the contract there). The follower keeps that cursor in memory
 * and re-reads it from the {@link CursorStore} at start and after every handler failure, so an
 * event is never skipped and, with an atomic handler, never applied twice.
 *
 * <p>Every failure of a poll (transport, HTTP status, JSON-RPC error, malformed response,
 * undecodable event, handler exception) is retried after an exponential {@link Backoff} with
 * jitter; an undecodable event is never skipped, so a deterministic decode error ends in
 * {@link State#FAILED} after {@code maxConsecutiveErrors} attempts, with the cursor still before it.
 *
 * <p>{@link #start()} runs the loop on a virtual thread; {@link #pollOnce()} does one poll
 * synchronously (for tests and for callers with their own scheduling) and throws instead of
 * retrying. Do not mix the two on one instance while the loop runs.
 */
public final class EventFollower implements AutoCloseable {

    private static final Logger LOG = System.getLogger(EventFollower.class.getName());

    /** Lifecycle of the loop started by {@link #start()}. */
    public enum State {
        NEW, RUNNING, STOPPED, FAILED
    }

    /**
     * The outcome of one {@link #pollOnce()}.
     *
     * @param delivered number of events handed to the handler (0 if none were new)
     * @param cursor the committed cursor after the poll
     * @param hasNextPage whether the node reported more events after this page
     */
    public record PollResult(int delivered, Optional<EventId> cursor, boolean hasNextPage) {
    }

    /** How the loop waits (replaceable in tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final SuiRpcClient rpc;
    private final EventFilter filter;
    private final WalrusEvents decoder;
    private final CursorStore cursorStore;
    private final EventBatchHandler handler;
    private final int pageSize;
    private final Duration pollInterval;
    private final Backoff backoff;
    private final int maxConsecutiveErrors;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final FollowerListener listener;

    // Poll state, guarded by "this".
    private EventId cursor;
    private boolean cursorLoaded;

    // Loop state.
    private volatile State state = State.NEW;
    private volatile Thread thread;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private final Object interruptLock = new Object();
    private boolean interruptible; // guarded by interruptLock

    private EventFollower(Builder b) {
        this.rpc = b.rpc;
        this.filter = b.filter;
        this.decoder = b.decoder;
        this.cursorStore = b.cursorStore;
        this.handler = b.handler;
        this.pageSize = b.pageSize;
        this.pollInterval = b.pollInterval;
        this.backoff = b.backoff;
        this.maxConsecutiveErrors = b.maxConsecutiveErrors;
        this.sleeper = b.sleeper;
        this.random = b.random;
        this.listener = b.listener;
    }

    /**
     * A follower of {@code network}'s Walrus {@code events} module: filter
     * {@link WalrusNetwork#eventsFilter()}, decoder {@link WalrusEvents#forNetwork}.
     */
    public static Builder builder(SuiRpcClient rpc, WalrusNetwork network, CursorStore cursorStore,
            EventBatchHandler handler) {
        return new Builder(rpc, network.eventsFilter(), WalrusEvents.forNetwork(network), cursorStore, handler);
    }

    /** A follower with an explicit filter and decoder. */
    public static Builder builder(SuiRpcClient rpc, EventFilter filter, WalrusEvents decoder, CursorStore cursorStore,
            EventBatchHandler handler) {
        return new Builder(rpc, filter, decoder, cursorStore, handler);
    }

    // ------------------------------------------------------------------ one poll

    /**
     * Queries one page after the committed cursor, decodes it and, if it has events, hands them to
     * the handler. Nothing is retried here.
     *
     * @throws io.walrusj.chain.rpc.SuiClientException if the query fails
     * @throws io.walrusj.chain.model.WalrusDecodeException if an event cannot be decoded (the
     *     handler is not called and the cursor does not move)
     * @throws EventHandlerException if the cursor store or the handler throws (the cursor will be
     *     re-read from the store before the next poll)
     */
    public synchronized PollResult pollOnce() {
        if (!cursorLoaded) {
            try {
                cursor = cursorStore.load().orElse(null);
            } catch (Exception e) {
                throw new EventHandlerException("cursor store failed: " + e, null, e);
            }
            cursorLoaded = true;
        }
        EventId from = cursor;
        EventPage page = rpc.queryEvents(filter, from, pageSize, false);
        List<WalrusEventEnvelope> batch = decodePage(page.data(), from);
        if (batch.isEmpty()) {
            return new PollResult(0, Optional.ofNullable(from), page.hasNextPage());
        }
        EventId newCursor = batch.getLast().id();
        if (!enterHandlerPhase()) {
            return new PollResult(0, Optional.ofNullable(from), false);
        }
        try {
            handler.handle(List.copyOf(batch), newCursor);
        } catch (Exception e) {
            cursorLoaded = false; // the handler may or may not have committed: ask the store
            throw new EventHandlerException("event handler failed on " + batch.size() + " events ending at "
                    + newCursor + ": " + e, newCursor, e);
        } finally {
            leaveHandlerPhase();
        }
        cursor = newCursor;
        listener.onBatch(batch.size(), newCursor);
        return new PollResult(batch.size(), Optional.of(newCursor), page.hasNextPage());
    }

    private List<WalrusEventEnvelope> decodePage(List<SuiEvent> data, EventId from) {
        List<WalrusEventEnvelope> out = new ArrayList<>(data.size());
        Set<EventId> seen = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            SuiEvent e = data.get(i);
            if (i == 0 && e.id().equals(from)) {
                // A node that treats the cursor as inclusive echoes the committed event: not new.
                continue;
            }
            if (e.id().equals(from) || !seen.add(e.id())) {
                throw new SuiProtocolException("suix_queryEvents", "event " + e.id() + " appears twice or "
                        + "repeats the cursor in one page");
            }
            WalrusEvent event = decoder.decode(e);
            out.add(new WalrusEventEnvelope(e.id(), OptionalLong.empty(), e.timestampMs(), e.sender(), e.type(), event));
        }
        return out;
    }

    /** The cursor as this follower last loaded or committed it (empty before the first poll or at genesis). */
    public synchronized Optional<EventId> cursor() {
        return Optional.ofNullable(cursor);
    }

    // ------------------------------------------------------------------ loop

    /**
     * Starts polling on a virtual thread: after a full page it polls again at once, otherwise it
     * waits the poll interval; after a failure it waits the backoff delay. Stops on
     * {@link #stop()} or after {@code maxConsecutiveErrors} consecutive failures
     * ({@link State#FAILED}, see {@link #failure()}).
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
        thread = Thread.ofVirtual().name("walrus-event-follower").unstarted(this::run);
        thread.start();
    }

    private void run() {
        int errors = 0;
        try {
            while (!stopRequested) {
                try {
                    PollResult r = pollOnce();
                    errors = 0;
                    if (!r.hasNextPage() && !stopRequested) {
                        sleeper.sleep(pollInterval);
                    }
                } catch (RuntimeException e) {
                    if (stopRequested) {
                        break;
                    }
                    errors++;
                    if (maxConsecutiveErrors > 0 && errors >= maxConsecutiveErrors) {
                        failure = e;
                        state = State.FAILED;
                        LOG.log(Level.ERROR, "event follower giving up after " + errors + " consecutive errors", e);
                        listener.onFailed(e);
                        return;
                    }
                    Duration delay = backoff.delay(errors, random);
                    LOG.log(Level.WARNING, "event poll failed (" + errors + " in a row), retrying in " + delay + ": " + e);
                    listener.onError(e, errors, delay);
                    sleeper.sleep(delay);
                }
            }
        } catch (InterruptedException e) {
            // stop() interrupted a wait
        } catch (Throwable t) {
            failure = t;
            state = State.FAILED;
            LOG.log(Level.ERROR, "event follower died", t);
            throw t;
        } finally {
            if (state == State.RUNNING) {
                state = State.STOPPED;
            }
        }
    }

    /** Called before the handler: the loop thread is no longer interrupted by stop(). */
    private boolean enterHandlerPhase() {
        if (Thread.currentThread() != thread) {
            return true;
        }
        synchronized (interruptLock) {
            interruptible = false;
            Thread.interrupted(); // clear a stop() interrupt that raced with us; stopRequested tells
            return !stopRequested;
        }
    }

    private void leaveHandlerPhase() {
        if (Thread.currentThread() == thread) {
            synchronized (interruptLock) {
                interruptible = true;
            }
        }
    }

    /**
     * Asks the loop to stop and waits for it. A running handler is not interrupted: it finishes
     * its batch first (waits and RPC calls are interrupted).
     *
     * @return whether the loop ended within {@code timeout}
     */
    public boolean stop(Duration timeout) {
        stopRequested = true;
        Thread t = thread;
        if (t == null) {
            synchronized (this) {
                if (state == State.NEW) {
                    state = State.STOPPED;
                }
            }
            return true;
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

    /** Waits up to {@code timeout} for the loop to end by itself (failure) or by {@link #stop}. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Thread t = thread;
        return t == null || t.join(timeout);
    }

    public State state() {
        return state;
    }

    /** Why the loop ended in {@link State#FAILED}. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        stop();
    }

    // ------------------------------------------------------------------ builder

    /** Settings of an {@link EventFollower}. */
    public static final class Builder {
        private final SuiRpcClient rpc;
        private final EventFilter filter;
        private final WalrusEvents decoder;
        private final CursorStore cursorStore;
        private final EventBatchHandler handler;
        private int pageSize = SuiRpcClient.MAX_PAGE_SIZE;
        private Duration pollInterval = Duration.ofSeconds(1);
        private Backoff backoff = Backoff.DEFAULT;
        private int maxConsecutiveErrors = 20;
        private Sleeper sleeper = d -> Thread.sleep(d);
        private RandomGenerator random = RandomGenerator.getDefault();
        private FollowerListener listener = FollowerListener.NONE;

        private Builder(SuiRpcClient rpc, EventFilter filter, WalrusEvents decoder, CursorStore cursorStore,
                EventBatchHandler handler) {
            this.rpc = Objects.requireNonNull(rpc, "rpc");
            this.filter = Objects.requireNonNull(filter, "filter");
            this.decoder = Objects.requireNonNull(decoder, "decoder");
            this.cursorStore = Objects.requireNonNull(cursorStore, "cursorStore");
            this.handler = Objects.requireNonNull(handler, "handler");
        }

        /** Events per query, 1..50 (default 50, the node's maximum). */
        public Builder pageSize(int pageSize) {
            if (pageSize < 1 || pageSize > SuiRpcClient.MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("page size must be in [1, 50]: " + pageSize);
            }
            this.pageSize = pageSize;
            return this;
        }

        /** Wait between polls once caught up (default 1 s). */
        public Builder pollInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("negative poll interval");
            }
            this.pollInterval = interval;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = Objects.requireNonNull(backoff);
            return this;
        }

        /** Give up (state FAILED) at this many consecutive failed polls; 0 = never (default 20). */
        public Builder maxConsecutiveErrors(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("negative maxConsecutiveErrors");
            }
            this.maxConsecutiveErrors = max;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper);
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public Builder listener(FollowerListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        public EventFollower build() {
            return new EventFollower(this);
        }
    }
}
