package io.walrusj.chain.follow;

import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.model.WalrusEvents;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/** Settings of a {@link CheckpointFollower}. */
public final class CheckpointFollowerBuilder {
    final SuiGrpcClient sui;
    final WalrusEvents decoder;
    final CheckpointCursorStore cursorStore;
    final CheckpointBatchHandler handler;
    long startCheckpoint = 0;
    int maxBatchEvents = 500;
    int maxBatchCheckpoints = 1000;
    int backfillConcurrency = 4;
    Duration stallTimeout = Duration.ofSeconds(10);
    Backoff backoff = Backoff.DEFAULT;
    int maxConsecutiveErrors = 0;
    FollowerListener listener = FollowerListener.NONE;
    InstantSource clock = InstantSource.system();

    CheckpointFollowerBuilder(SuiGrpcClient sui, WalrusEvents decoder, CheckpointCursorStore cursorStore,
            CheckpointBatchHandler handler) {
        this.sui = Objects.requireNonNull(sui, "sui");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.cursorStore = Objects.requireNonNull(cursorStore, "cursorStore");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** Without a stored cursor, start with checkpoint 0 (the default). */
    public CheckpointFollowerBuilder startFromGenesis() {
        return startFromCheckpoint(0);
    }

    /** Without a stored cursor, start with the chain's latest checkpoint when the follower first connects. */
    public CheckpointFollowerBuilder startFromLatest() {
        this.startCheckpoint = CheckpointFollower.LATEST;
        return this;
    }

    /** Without a stored cursor, start with checkpoint {@code first} (e.g. the Walrus package's publication). */
    public CheckpointFollowerBuilder startFromCheckpoint(long first) {
        if (first < 0) {
            throw new IllegalArgumentException("negative checkpoint: " + first);
        }
        this.startCheckpoint = first;
        return this;
    }

    /** At most this many events per batch (default 500); a larger checkpoint is split. */
    public CheckpointFollowerBuilder maxBatchEvents(int max) {
        this.maxBatchEvents = positive(max, "maxBatchEvents");
        return this;
    }

    /** A batch spans at most this many checkpoints (default 1000): bounds the re-scan after a crash while catching up. */
    public CheckpointFollowerBuilder maxBatchCheckpoints(int max) {
        this.maxBatchCheckpoints = positive(max, "maxBatchCheckpoints");
        return this;
    }

    /** {@code GetCheckpoint} calls in flight while filling a gap (default 4). */
    public CheckpointFollowerBuilder backfillConcurrency(int n) {
        this.backfillConcurrency = positive(n, "backfillConcurrency");
        return this;
    }

    /** No stream message for this long while the chain head is past the follower = stalled, reconnect (default 10 s). */
    public CheckpointFollowerBuilder stallTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("stall timeout must be positive");
        }
        this.stallTimeout = timeout;
        return this;
    }

    public CheckpointFollowerBuilder backoff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff);
        return this;
    }

    /** Give up (state FAILED) after this many failed sessions in a row without a commit; 0 = never (default). */
    public CheckpointFollowerBuilder maxConsecutiveErrors(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("negative maxConsecutiveErrors");
        }
        this.maxConsecutiveErrors = max;
        return this;
    }

    public CheckpointFollowerBuilder listener(FollowerListener listener) {
        this.listener = Objects.requireNonNull(listener);
        return this;
    }

    /** The clock of {@link CheckpointFollower#secondsLag()} (tests). */
    public CheckpointFollowerBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }

    public CheckpointFollower build() {
        return new CheckpointFollower(this);
    }

    private static int positive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be positive: " + n);
        }
        return n;
    }
}
