package io.walrusj.devnet.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.grpc.proto.SubscriptionServiceGrpc;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.Checkpoint;
import io.walrusj.devnet.ledger.CommittedTransaction;
import io.walrusj.devnet.ledger.StoredTransaction;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SubscribeCheckpoints' order, lag, subscriber limit and shutdown, in process (no chain). */
class SubscriptionGrpcServiceTest {
    private final SubscriptionGrpcService service = new SubscriptionGrpcService(2, 3);
    private final String name = "subscription-test-" + System.nanoTime();
    private final Server server;
    private final ManagedChannel channel;

    SubscriptionGrpcServiceTest() throws Exception {
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(service.bindService(), new ServiceErrors()))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    private Iterator<SubscribeCheckpointsResponse> subscribe() throws InterruptedException {
        int before = service.subscriberCount();
        Iterator<SubscribeCheckpointsResponse> it = SubscriptionServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS).subscribeCheckpoints(SubscribeCheckpointsRequest.getDefaultInstance());
        for (int i = 0; i < 500 && service.subscriberCount() == before; i++) {
            Thread.sleep(10);
        }
        assertThat(service.subscriberCount()).isEqualTo(before + 1);
        return it;
    }

    private static CommittedTransaction committed(long seq) {
        byte[] digest = new byte[32];
        digest[0] = (byte) seq;
        StoredTransaction tx = new StoredTransaction(seq, digest, seq, SuiAddress.of(new byte[32]), new byte[0], null, 1000 * seq);
        return new CommittedTransaction(tx, new Checkpoint(seq, digest, null, 1000 * seq, 1), List.of(), List.of(), List.of());
    }

    @Test
    void deliversInOrderWithTheDefaultMask() throws Exception {
        Iterator<SubscribeCheckpointsResponse> it = subscribe();
        service.committed(committed(5));
        service.committed(committed(6));
        SubscribeCheckpointsResponse first = it.next();
        assertThat(first.getCursor()).isEqualTo(5);
        assertThat(first.getCheckpoint().getSequenceNumber()).isEqualTo(5);
        assertThat(first.getCheckpoint().hasDigest()).isTrue();
        assertThat(first.getCheckpoint().hasSummary()).isFalse();
        assertThat(it.next().getCursor()).isEqualTo(6);
    }

    @Test
    void aSubscriberTooFarBehindIsAbortedAndTheLimitHolds() throws Exception {
        Iterator<SubscribeCheckpointsResponse> slow = subscribe();
        subscribe();
        assertThatThrownBy(() -> SubscriptionServiceGrpc.newBlockingStub(channel)
                .subscribeCheckpoints(SubscribeCheckpointsRequest.getDefaultInstance()).hasNext()).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        // The blocking stub asks for one message at a time: the rest queue up on the server, 3 at most.
        for (long seq = 1; seq <= 10; seq++) {
            service.committed(committed(seq));
        }
        assertThatThrownBy(() -> {
            while (slow.hasNext()) {
                slow.next();
            }
        }).isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED));
    }

    @Test
    void shutdownEndsStreamsWithUnavailable() throws Exception {
        Iterator<SubscribeCheckpointsResponse> it = subscribe();
        service.shutdown();
        assertThatThrownBy(it::hasNext).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        assertThatThrownBy(() -> SubscriptionServiceGrpc.newBlockingStub(channel)
                .subscribeCheckpoints(SubscribeCheckpointsRequest.getDefaultInstance()).hasNext())
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }
}
