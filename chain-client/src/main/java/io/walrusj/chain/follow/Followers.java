package io.walrusj.chain.follow;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.rpc.SuiRpcClient;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Builds the {@link WalrusFollower} of a transport: {@link #checkpoints} (gRPC, default) or
 * {@link #eventQueries} (legacy JSON-RPC). Services get theirs from {@code Chain.follow(...)}.
 */
public final class Followers {

    static final String CHECKPOINT_PREFIX = "checkpoint:";
    static final String EVENT_PREFIX = "event:";

    private Followers() {
    }

    /** A {@link CheckpointFollower} over Sui gRPC, all of the network's event packages at once. */
    public static WalrusFollower checkpoints(SuiGrpcClient sui, WalrusNetwork network, WalrusFollower.CursorStore store,
            WalrusFollower.Handler handler, FollowOptions options) {
        CheckpointFollowerBuilder b = CheckpointFollower.builder(sui, network,
                        () -> store.load().map(Followers::checkpointCursor),
                        batch -> handler.handle(batch.events(), checkpointText(batch.newCursor())))
                .backoff(options.backoff()).maxConsecutiveErrors(options.maxConsecutiveErrors())
                .stallTimeout(options.stallTimeout()).listener(options.listener());
        if (options.startFromLatest()) {
            b.startFromLatest();
        }
        CheckpointFollower f = b.build();
        return new WalrusFollower() {
            @Override
            public void start() {
                f.start();
            }

            @Override
            public boolean stop(Duration timeout) {
                return f.stop(timeout);
            }

            @Override
            public State state() {
                return State.valueOf(f.state().name());
            }

            @Override
            public Optional<Throwable> failure() {
                return f.failure();
            }

            @Override
            public Optional<String> cursor() {
                return f.cursor().map(Followers::checkpointText);
            }

            @Override
            public OptionalLong checkpointLag() {
                return f.checkpointLag();
            }

            @Override
            public OptionalDouble secondsLag() {
                return f.secondsLag();
            }

            @Override
            public OptionalLong latestKnownCheckpoint() {
                return f.latestKnownCheckpoint();
            }
        };
    }

    /** An {@link EventFollower} over the legacy JSON-RPC {@code suix_queryEvents} (the original package's events module). */
    public static WalrusFollower eventQueries(SuiRpcClient rpc, WalrusNetwork network, WalrusFollower.CursorStore store,
            WalrusFollower.Handler handler, FollowOptions options) {
        EventFollower f = EventFollower.builder(rpc, network, () -> store.load().map(Followers::eventCursor),
                        (events, newCursor) -> handler.handle(events, EVENT_PREFIX + newCursor))
                .backoff(options.backoff()).maxConsecutiveErrors(options.maxConsecutiveErrors())
                .pollInterval(options.pollInterval()).listener(options.listener()).build();
        return new WalrusFollower() {
            @Override
            public void start() {
                f.start();
            }

            @Override
            public boolean stop(Duration timeout) {
                return f.stop(timeout);
            }

            @Override
            public State state() {
                return State.valueOf(f.state().name());
            }

            @Override
            public Optional<Throwable> failure() {
                return f.failure();
            }

            @Override
            public Optional<String> cursor() {
                return f.cursor().map(id -> EVENT_PREFIX + id);
            }

            @Override
            public OptionalLong checkpointLag() {
                return OptionalLong.empty();
            }
        };
    }

    static String checkpointText(CheckpointCursor cursor) {
        return CHECKPOINT_PREFIX + cursor;
    }

    static CheckpointCursor checkpointCursor(String text) {
        if (!text.startsWith(CHECKPOINT_PREFIX)) {
            throw new IllegalArgumentException("cursor '" + text + "' was not written by the gRPC checkpoint follower");
        }
        return CheckpointCursor.parse(text.substring(CHECKPOINT_PREFIX.length()));
    }

    static EventId eventCursor(String text) {
        if (!text.startsWith(EVENT_PREFIX)) {
            throw new IllegalArgumentException("cursor '" + text + "' was not written by the JSON-RPC event follower");
        }
        return EventId.parse(text.substring(EVENT_PREFIX.length()));
    }
}
