package io.walrusj.chain.testing;

import com.google.protobuf.Message;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.grpc.proto.BatchGetObjectsRequest;
import io.walrusj.chain.grpc.proto.BatchGetObjectsResponse;
import io.walrusj.chain.grpc.proto.GetBalanceRequest;
import io.walrusj.chain.grpc.proto.GetBalanceResponse;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointResponse;
import io.walrusj.chain.grpc.proto.GetEpochRequest;
import io.walrusj.chain.grpc.proto.GetEpochResponse;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.GetObjectResponse;
import io.walrusj.chain.grpc.proto.GetServiceInfoRequest;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.grpc.proto.GetTransactionRequest;
import io.walrusj.chain.grpc.proto.GetTransactionResponse;
import io.walrusj.chain.grpc.proto.LedgerServiceGrpc;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsRequest;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsResponse;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsRequest;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsResponse;
import io.walrusj.chain.grpc.proto.StateServiceGrpc;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.grpc.proto.SubscriptionServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A hand-written fake of Sui's LedgerService, StateService and SubscriptionService on a loopback
 * Netty server (real HTTP/2). Each RPC answers with its handler (default: UNIMPLEMENTED); a handler
 * may throw a {@link StatusRuntimeException} to end the call with that status. Every request is
 * recorded.
 */
public final class FakeSuiGrpc implements AutoCloseable {

    public final List<Message> requests = new CopyOnWriteArrayList<>();
    public final CountDownLatch streamCancelled = new CountDownLatch(1);

    public volatile Function<GetServiceInfoRequest, GetServiceInfoResponse> serviceInfo = FakeSuiGrpc::unimplemented;
    public volatile Function<GetObjectRequest, GetObjectResponse> getObject = FakeSuiGrpc::unimplemented;
    public volatile Function<BatchGetObjectsRequest, BatchGetObjectsResponse> batchGetObjects = FakeSuiGrpc::unimplemented;
    public volatile Function<GetTransactionRequest, GetTransactionResponse> getTransaction = FakeSuiGrpc::unimplemented;
    public volatile Function<GetCheckpointRequest, GetCheckpointResponse> getCheckpoint = FakeSuiGrpc::unimplemented;
    public volatile Function<GetEpochRequest, GetEpochResponse> getEpoch = FakeSuiGrpc::unimplemented;
    public volatile Function<ListDynamicFieldsRequest, ListDynamicFieldsResponse> listDynamicFields = FakeSuiGrpc::unimplemented;
    public volatile Function<ListOwnedObjectsRequest, ListOwnedObjectsResponse> listOwnedObjects = FakeSuiGrpc::unimplemented;
    public volatile Function<GetBalanceRequest, GetBalanceResponse> getBalance = FakeSuiGrpc::unimplemented;
    /** Drives a subscription: send frames, end it, or leave it open (runs on a gRPC thread). */
    public volatile BiConsumer<SubscribeCheckpointsRequest, ServerCallStreamObserver<SubscribeCheckpointsResponse>> subscribe =
            (r, o) -> o.onError(Status.UNIMPLEMENTED.asRuntimeException());

    private final Server server;

    private final boolean tls;

    public FakeSuiGrpc() throws IOException {
        this(false);
    }

    /** @param tls serve TLS with the self-signed localhost/127.0.0.1 certificate in test resources grpc-tls/ */
    public FakeSuiGrpc(boolean tls) throws IOException {
        this.tls = tls;
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
        if (tls) {
            b.useTransportSecurity(resource("cert.pem"), resource("key.pem"));
        }
        server = b.maxInboundMessageSize(4 << 20)
                .addService(new Ledger())
                .addService(new State())
                .addService(new Subscriptions())
                .build()
                .start();
    }

    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + server.getPort();
    }

    public static java.io.InputStream resource(String name) {
        return FakeSuiGrpc.class.getResourceAsStream("/grpc-tls/" + name);
    }

    public SuiGrpcClient client() {
        return SuiGrpcClient.builder(url()).build();
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(m -> (T) m).toList();
    }

    public static <Q, R> R unimplemented(Q request) {
        throw Status.UNIMPLEMENTED.withDescription("not set up in this test").asRuntimeException();
    }

    private <Q extends Message, R> void answer(Q request, StreamObserver<R> out, Function<Q, R> handler) {
        requests.add(request);
        R response;
        try {
            response = handler.apply(request);
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        }
        out.onNext(response);
        out.onCompleted();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private final class Ledger extends LedgerServiceGrpc.LedgerServiceImplBase {
        @Override
        public void getServiceInfo(GetServiceInfoRequest r, StreamObserver<GetServiceInfoResponse> o) {
            answer(r, o, serviceInfo);
        }

        @Override
        public void getObject(GetObjectRequest r, StreamObserver<GetObjectResponse> o) {
            answer(r, o, getObject);
        }

        @Override
        public void batchGetObjects(BatchGetObjectsRequest r, StreamObserver<BatchGetObjectsResponse> o) {
            answer(r, o, batchGetObjects);
        }

        @Override
        public void getTransaction(GetTransactionRequest r, StreamObserver<GetTransactionResponse> o) {
            answer(r, o, getTransaction);
        }

        @Override
        public void getCheckpoint(GetCheckpointRequest r, StreamObserver<GetCheckpointResponse> o) {
            answer(r, o, getCheckpoint);
        }

        @Override
        public void getEpoch(GetEpochRequest r, StreamObserver<GetEpochResponse> o) {
            answer(r, o, getEpoch);
        }
    }

    private final class State extends StateServiceGrpc.StateServiceImplBase {
        @Override
        public void listDynamicFields(ListDynamicFieldsRequest r, StreamObserver<ListDynamicFieldsResponse> o) {
            answer(r, o, listDynamicFields);
        }

        @Override
        public void listOwnedObjects(ListOwnedObjectsRequest r, StreamObserver<ListOwnedObjectsResponse> o) {
            answer(r, o, listOwnedObjects);
        }

        @Override
        public void getBalance(GetBalanceRequest r, StreamObserver<GetBalanceResponse> o) {
            answer(r, o, getBalance);
        }
    }

    private final class Subscriptions extends SubscriptionServiceGrpc.SubscriptionServiceImplBase {
        @Override
        public void subscribeCheckpoints(SubscribeCheckpointsRequest r, StreamObserver<SubscribeCheckpointsResponse> o) {
            requests.add(r);
            var call = (ServerCallStreamObserver<SubscribeCheckpointsResponse>) o;
            call.setOnCancelHandler(streamCancelled::countDown);
            subscribe.accept(r, call);
        }
    }
}
