package io.walrusj.chain.follow;

import io.walrusj.chain.ChainException;

/**
 * Why a {@link CheckpointFollower} session ended other than by an RPC or handler failure; like
 * those, it is retried after a backoff (the listener's {@code onError} sees it).
 */
public final class CheckpointFollowerException extends ChainException {

    private static final long serialVersionUID = 1L;

    /** What happened. */
    public enum Reason {
        /** The server ended the subscription without an error. */
        STREAM_ENDED,
        /** No checkpoint arrived for the stall timeout although the chain advanced past the follower. */
        STREAM_STALLED,
        /** {@code GetCheckpoint} found no checkpoint the follower needs (pruned, or not executed yet). */
        CHECKPOINT_UNAVAILABLE
    }

    private final Reason reason;

    public CheckpointFollowerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
