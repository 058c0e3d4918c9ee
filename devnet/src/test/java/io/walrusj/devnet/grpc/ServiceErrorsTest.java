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
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.LedgerServiceGrpc;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.Checkpoint;
import io.walrusj.devnet.ledger.LedgerStore;
import io.walrusj.devnet.ledger.StoredObject;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** Failures inside a service become statuses without stack traces: database -> UNAVAILABLE, a bug -> INTERNAL. */
class ServiceErrorsTest {
    private final String name = "service-errors-" + System.nanoTime();
    private final Server server;
    private final ManagedChannel channel;

    ServiceErrorsTest() throws Exception {
        LedgerStore failing = new LedgerStore(null, null) {
            @Override
            public Optional<StoredObject> object(SuiAddress id) {
                throw new DataAccessResourceFailureException("connection refused");
            }

            @Override
            public Optional<Checkpoint> checkpoint(long sequenceNumber) {
                throw new IllegalStateException("a bug");
            }
        };
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(new LedgerGrpcService(null, failing).bindService(), new ServiceErrors()))
                .build().start();
        channel = InProcessChannelBuilder.forName(name).build();
    }

    @AfterEach
    void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void failuresBecomeStatuses() {
        var stub = LedgerServiceGrpc.newBlockingStub(channel);
        assertThatThrownBy(() -> stub.getObject(GetObjectRequest.newBuilder().setObjectId("0x2").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
                    assertThat(e.getStatus().getDescription()).doesNotContain("connection refused");
                });
        assertThatThrownBy(() -> stub.getCheckpoint(GetCheckpointRequest.newBuilder().setSequenceNumber(1).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
                    assertThat(e.getStatus().getDescription()).isEqualTo("internal error");
                });
        // A status thrown on purpose keeps its code and details.
        assertThatThrownBy(() -> stub.getObject(GetObjectRequest.newBuilder().setObjectId("0xzz").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(io.grpc.protobuf.StatusProto.fromThrowable(e).getDetailsCount()).isEqualTo(1);
                });
    }
}
