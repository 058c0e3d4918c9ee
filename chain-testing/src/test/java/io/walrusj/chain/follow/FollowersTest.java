package io.walrusj.chain.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.testing.FakeSuiChain;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both {@link WalrusFollower}s against the same fake chain: same events, text cursors, resume after restart. */
class FollowersTest {

    static final FollowOptions FAST = FollowOptions.DEFAULT.withPollInterval(Duration.ofMillis(20))
            .withBackoff(new Backoff(Duration.ofMillis(5), Duration.ofMillis(50), 2.0, 0.0));

    final FakeSuiChain chain = FakeSuiChain.start();
    final SuiGrpcClient sui = chain.client();
    final SuiRpcClient rpc = SuiRpcClient.create(chain.jsonRpcUri());
    final AtomicReference<String> stored = new AtomicReference<>();
    final List<WalrusEvent> seen = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        sui.close();
        rpc.close();
        chain.close();
    }

    WalrusFollower follower(String transport) {
        WalrusFollower.CursorStore store = () -> Optional.ofNullable(stored.get());
        WalrusFollower.Handler handler = (events, cursor) -> {
            events.forEach(e -> seen.add(e.event()));
            stored.set(cursor);
        };
        return transport.equals("grpc") ? Followers.checkpoints(sui, chain.network(), store, handler, FAST)
                : Followers.eventQueries(rpc, chain.network(), store, handler, FAST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grpc", "jsonrpc"})
    void deliversInOrderAndResumesFromTheStoredCursor(String transport) throws Exception {
        chain.emit(new WalrusEvent.EpochChangeStart(2), new WalrusEvent.EpochChangeDone(2));
        try (WalrusFollower f = follower(transport)) {
            f.start();
            await(() -> seen.size() == 2);
            chain.emit(new WalrusEvent.EpochParametersSelected(3));
            await(() -> seen.size() == 3);
            assertThat(f.state()).isEqualTo(WalrusFollower.State.RUNNING);
            await(() -> f.cursor().equals(Optional.ofNullable(stored.get())));
        }
        assertThat(stored.get()).startsWith(transport.equals("grpc") ? "checkpoint:" : "event:");
        chain.emit(new WalrusEvent.EpochChangeStart(3));
        try (WalrusFollower f = follower(transport)) {
            f.start();
            await(() -> seen.size() == 4);
            Thread.sleep(100);
        }
        assertThat(seen).containsExactly(new WalrusEvent.EpochChangeStart(2), new WalrusEvent.EpochChangeDone(2),
                new WalrusEvent.EpochParametersSelected(3), new WalrusEvent.EpochChangeStart(3));
    }

    @Test
    void aCursorOfTheOtherTransportIsNotUsed() throws Exception {
        stored.set("event:abc:0");
        try (WalrusFollower f = Followers.checkpoints(sui, chain.network(), () -> Optional.ofNullable(stored.get()),
                (events, cursor) -> seen.addAll(events.stream().map(WalrusEventEnvelope::event).toList()),
                FAST.withMaxConsecutiveErrors(1))) {
            chain.emit(new WalrusEvent.EpochChangeStart(2));
            f.start();
            await(() -> f.state() == WalrusFollower.State.FAILED);
            assertThat(f.failure().orElseThrow()).hasRootCauseInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not written by the gRPC checkpoint follower");
        }
        assertThat(seen).isEmpty();
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 10 s");
            }
            Thread.sleep(10);
        }
    }
}
