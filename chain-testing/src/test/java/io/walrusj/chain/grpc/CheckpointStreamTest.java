package io.walrusj.chain.grpc;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiGrpc;
import io.walrusj.chain.testing.Protos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;

import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.rpc.SuiGrpcException;
import io.walrusj.chain.rpc.SuiTransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointStreamTest {

    FakeSuiGrpc fake;
    SuiGrpcClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSuiGrpc();
        client = fake.client();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    static SubscribeCheckpointsResponse frame(long seq) {
        return SubscribeCheckpointsResponse.newBuilder().setCursor(seq)
                .setCheckpoint(Protos.checkpoint(seq, Protos.tx("Tx" + seq, Protos.event("BlobCertified")))).build();
    }

    @Test
    void deliversCheckpointsInOrderAndCloseCancelsTheServerCall() throws Exception {
        fake.subscribe = (r, o) -> {
            for (long s = 10; s < 13; s++) {
                o.onNext(frame(s));
            }
            // and stays open, like Sui's subscriptions
        };

        List<Long> seen = new ArrayList<>();
        try (CheckpointStream stream = client.subscribeCheckpoints()) {
            for (int i = 0; i < 3; i++) {
                CheckpointData c = stream.next();
                seen.add(c.sequenceNumber());
                assertThat(c.transactions().getFirst().events().getFirst().type()).isEqualTo(Fixtures.eventType("BlobCertified"));
            }
            assertThat(stream.cursor()).hasValue(12);
            assertThat(stream.poll(Duration.ofMillis(100))).isEmpty();
            assertThat(stream.isFinished()).isFalse();
        }
        assertThat(seen).containsExactly(10L, 11L, 12L);
        assertThat(fake.streamCancelled.await(5, TimeUnit.SECONDS)).as("server saw the cancellation").isTrue();
        assertThat(fake.requests(SubscribeCheckpointsRequest.class).getFirst().getReadMask()).isEqualTo(ReadMasks.CHECKPOINT);
    }

    @Test
    void progressOnlyFramesAdvanceTheCursorWithoutACheckpoint() {
        fake.subscribe = (r, o) -> {
            o.onNext(SubscribeCheckpointsResponse.newBuilder().setCursor(40).build());
            o.onNext(frame(41));
            o.onCompleted();
        };
        try (CheckpointStream stream = client.subscribeCheckpoints()) {
            assertThat(stream.next().sequenceNumber()).isEqualTo(41);
            assertThat(stream.cursor()).hasValue(41);
            assertThat(stream.hasNext()).isFalse();
            assertThat(stream.isFinished()).isTrue();
        }
    }

    @Test
    void aServerFailureAfterSomeCheckpointsIsThrownWithItsCode() {
        fake.subscribe = (r, o) -> {
            o.onNext(frame(5));
            o.onError(Status.UNAVAILABLE.withDescription("node shutting down").asRuntimeException());
        };
        try (CheckpointStream stream = client.subscribeCheckpoints()) {
            assertThat(stream.next().sequenceNumber()).isEqualTo(5);
            assertThatThrownBy(stream::hasNext).isInstanceOfSatisfying(SuiTransportException.class, e -> {
                assertThat(e.grpcStatus()).contains(Status.Code.UNAVAILABLE);
                assertThat(e.method()).isEqualTo("SubscriptionService/SubscribeCheckpoints");
            });
            assertThat(stream.isFinished()).isTrue();
            assertThat(stream.hasNext()).isFalse();
        }
    }

    @Test
    void anOversizeCheckpointEndsTheStreamWithResourceExhausted() {
        fake.subscribe = (r, o) -> o.onNext(SubscribeCheckpointsResponse.newBuilder().setCursor(1)
                .setCheckpoint(Protos.checkpoint(1, Protos.tx("Big", Protos.event("BlobCertified").toBuilder()
                        .setContents(io.walrusj.chain.grpc.proto.Bcs.newBuilder()
                                .setValue(com.google.protobuf.ByteString.copyFrom(new byte[100_000]))).build())))
                .build());
        try (SuiGrpcClient small = SuiGrpcClient.builder(fake.url()).maxInboundMessageBytes(32 << 10).build();
                CheckpointStream stream = small.subscribeCheckpoints()) {
            assertThatThrownBy(() -> stream.poll(Duration.ofSeconds(10))).isInstanceOfSatisfying(SuiGrpcException.class,
                    e -> assertThat(e.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        }
    }

    @Test
    void closeFromAnotherThreadWakesAWaitingPoll() throws Exception {
        fake.subscribe = (r, o) -> { };
        CheckpointStream stream = client.subscribeCheckpoints();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread consumer = Thread.ofVirtual().start(() -> {
            try {
                result.set(stream.poll(Duration.ofSeconds(30)));
            } catch (RuntimeException e) {
                result.set(e);
            }
        });
        Thread.sleep(200);
        long start = System.nanoTime();
        stream.close();
        consumer.join(5_000);
        assertThat(consumer.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(result.get()).isEqualTo(java.util.Optional.empty());
        assertThat(stream.isFinished()).isTrue();
        assertThat(fake.streamCancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anInterruptedConsumerCancelsTheStreamAndKeepsItsInterruptFlag() throws Exception {
        fake.subscribe = (r, o) -> { };
        CheckpointStream stream = client.subscribeCheckpoints();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread consumer = Thread.ofPlatform().start(() -> {
            try {
                stream.poll(Duration.ofSeconds(30));
            } catch (SuiTransportException e) {
                result.set(List.of(e.grpcStatus().orElseThrow(), Thread.currentThread().isInterrupted()));
            }
        });
        Thread.sleep(200);
        consumer.interrupt();
        consumer.join(5_000);
        assertThat(result.get()).isEqualTo(List.of(Status.Code.CANCELLED, true));
        assertThat(fake.streamCancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
