package io.walrusj.chain.follow;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Follows the Walrus events of a network from an opaque text cursor, exactly once, whatever the
 * transport: {@link Followers#checkpoints} (Sui gRPC {@link CheckpointFollower}, the default) or
 * {@link Followers#eventQueries} (legacy JSON-RPC {@link EventFollower}). Get one from
 * {@code Chain.follow(...)}.
 *
 * <p><b>Cursors</b> are text the service stores in the same commit as the events' effects (see
 * {@link Handler}) and hands back through {@link CursorStore} on start. The text names its
 * transport: {@code checkpoint:<seq>} / {@code checkpoint:<seq>:<position>} (gRPC) or
 * {@code event:<txDigest>:<eventSeq>} (JSON-RPC). A cursor written by one transport cannot resume
 * the other (different positions on the chain): loading one is an error of the follower (an
 * {@link IllegalArgumentException} as the cause, reported to the listener, {@code FAILED} after
 * {@code maxConsecutiveErrors}); clear it to start over.
 */
public interface WalrusFollower extends AutoCloseable {

    /** Lifecycle of the follower. */
    enum State {
        NEW, RUNNING, STOPPED, FAILED
    }

    /** Applies events and stores the cursor atomically. */
    @FunctionalInterface
    interface Handler {
        /**
         * @param events the next events in chain order; <b>may be empty</b> (the gRPC follower
         *     commits the cursor past checkpoints without Walrus events, so a restart does not re-scan them)
         * @param newCursor the cursor after them, to store with their effects
         * @throws Exception to have the same events delivered again from the stored cursor after a backoff
         */
        void handle(List<WalrusEventEnvelope> events, String newCursor) throws Exception;
    }

    /** The stored cursor text, or empty to start at the follower's start position. */
    @FunctionalInterface
    interface CursorStore {
        Optional<String> load() throws Exception;
    }

    /** Starts the loop on a virtual thread. */
    void start();

    /** Stops and waits up to {@code timeout} for the thread; true if it ended. */
    boolean stop(Duration timeout);

    State state();

    /** Why the follower is {@link State#FAILED}. */
    Optional<Throwable> failure();

    /** The last committed cursor text. */
    Optional<String> cursor();

    /** Checkpoints behind the chain's head (gRPC only; empty for the legacy follower). */
    OptionalLong checkpointLag();

    /**
     * Now minus the timestamp of the checkpoint of the last commit, in seconds (gRPC only; empty for
     * the legacy follower and before the first commit).
     */
    default OptionalDouble secondsLag() {
        return OptionalDouble.empty();
    }

    /** The highest checkpoint sequence number the server reported (gRPC only; empty for the legacy follower). */
    default OptionalLong latestKnownCheckpoint() {
        return OptionalLong.empty();
    }

    @Override
    default void close() {
        stop(Duration.ofSeconds(30));
    }
}
