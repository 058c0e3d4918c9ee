package io.walrusj.chain.grpc;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.walrusj.chain.grpc.proto.BatchGetObjectsRequest;
import io.walrusj.chain.grpc.proto.GetBalanceRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointResponse;
import io.walrusj.chain.grpc.proto.GetEpochRequest;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.GetObjectResult;
import io.walrusj.chain.grpc.proto.GetServiceInfoRequest;
import io.walrusj.chain.grpc.proto.GetTransactionRequest;
import io.walrusj.chain.grpc.proto.LedgerServiceGrpc;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsRequest;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsRequest;
import io.walrusj.chain.grpc.proto.StateServiceGrpc;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.rpc.SuiGrpcException;
import io.walrusj.core.crypto.SuiAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Low-level client of Sui's gRPC v2 API ({@code sui.rpc.v2}) on a full node or the walrusj devnet:
 * one base URL ({@code http://127.0.0.1:9000} plaintext HTTP/2, {@code https://fullnode.mainnet.sui.io:443}
 * TLS), one channel, a deadline on every unary call, a bounded inbound message size, read masks
 * asking only for what the returned records carry ({@link ReadMasks}). Plain Java; thread-safe.
 *
 * <p>Failures are chain-client's exceptions ({@link io.walrusj.chain.rpc.SuiClientException}):
 * {@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED}, {@code CANCELLED} (also an interrupted caller) and
 * {@code ABORTED} are {@link io.walrusj.chain.rpc.SuiTransportException}s, other statuses
 * {@link SuiGrpcException}s, both with the gRPC code; an OK answer lacking a field Sui always sets is
 * a {@link io.walrusj.chain.rpc.SuiProtocolException}. A missing object, checkpoint or transaction
 * ({@code NOT_FOUND}) is an empty result where the method returns {@code Optional}.
 */
public final class SuiGrpcClient implements AutoCloseable {

    /** Default deadline of a unary call. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Default maximum size of one inbound message (a checkpoint with its events): 64 MiB. */
    public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 64 << 20;
    /** Objects per {@code BatchGetObjects} call; longer lists are split. */
    public static final int BATCH_GET_OBJECTS_LIMIT = 50;
    /** Largest page size Sui accepts for list calls (larger values are coerced by the server). */
    public static final int MAX_PAGE_SIZE = 1000;

    private final ManagedChannel channel;
    private final boolean ownsChannel;
    private final Duration callTimeout;
    private final LedgerServiceGrpc.LedgerServiceBlockingStub ledger;
    private final StateServiceGrpc.StateServiceBlockingStub state;

    private SuiGrpcClient(ManagedChannel channel, boolean ownsChannel, Duration callTimeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.ownsChannel = ownsChannel;
        this.callTimeout = requirePositive(callTimeout, "callTimeout");
        this.ledger = LedgerServiceGrpc.newBlockingStub(channel);
        this.state = StateServiceGrpc.newBlockingStub(channel);
    }

    /** A builder for a client that owns a Netty channel to {@code baseUrl} ({@code http://} or {@code https://}). */
    public static Builder builder(String baseUrl) {
        return new Builder(GrpcTarget.parse(baseUrl));
    }

    /**
     * A client over a channel the caller built and keeps owning ({@link #close()} leaves it open),
     * e.g. an in-process channel in tests. Its maximum inbound message size is the channel's.
     */
    public static SuiGrpcClient overChannel(ManagedChannel channel, Duration callTimeout) {
        return new SuiGrpcClient(channel, false, callTimeout);
    }

    /** {@code GetServiceInfo}: chain id, epoch, highest executed checkpoint. */
    public ServiceInfo serviceInfo() {
        String m = "LedgerService/GetServiceInfo";
        return GrpcMapping.serviceInfo(m, call(m, () -> ledger().getServiceInfo(GetServiceInfoRequest.getDefaultInstance())));
    }

    /** {@code GetObject} of the live object; empty if the node does not have it ({@code NOT_FOUND}). */
    public Optional<ObjectData> getObject(SuiAddress id) {
        return getObject(GetObjectRequest.newBuilder().setObjectId(id.toString()));
    }

    /** {@code GetObject} at a given version; empty if not found. */
    public Optional<ObjectData> getObject(SuiAddress id, long version) {
        return getObject(GetObjectRequest.newBuilder().setObjectId(id.toString()).setVersion(version));
    }

    private Optional<ObjectData> getObject(GetObjectRequest.Builder request) {
        String m = "LedgerService/GetObject";
        var r = callOrNotFound(m, () -> ledger().getObject(request.setReadMask(ReadMasks.OBJECT).build()));
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (!r.get().hasObject()) {
            throw GrpcErrors.missing(m, "object");
        }
        return Optional.of(GrpcMapping.object(m, r.get().getObject()));
    }

    /**
     * The type origin table of a Move package ({@code GetObject} with read mask
     * {@code package.type_origins}): one {@link TypeOrigin} per datatype, naming the package version
     * that first defined it; empty if the node does not have the object.
     */
    public Optional<List<TypeOrigin>> getPackageTypeOrigins(SuiAddress packageId) {
        String m = "LedgerService/GetObject";
        var r = callOrNotFound(m, () -> ledger().getObject(GetObjectRequest.newBuilder().setObjectId(packageId.toString())
                .setReadMask(ReadMasks.PACKAGE_TYPE_ORIGINS).build()));
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (!r.get().hasObject() || !r.get().getObject().hasPackage()) {
            throw GrpcErrors.missing(m, "object.package of " + packageId);
        }
        List<TypeOrigin> out = new ArrayList<>();
        for (var o : r.get().getObject().getPackage().getTypeOriginsList()) {
            out.add(new TypeOrigin(o.getModuleName(), o.getDatatypeName(),
                    GrpcErrors.address(m, o.getPackageId(), "package.type_origins.package_id")));
        }
        return Optional.of(out);
    }

    /**
     * {@code BatchGetObjects} of live objects, one result per id in order; empty where the node
     * answered {@code NOT_FOUND} for that object. Any other per-object error is a {@link SuiGrpcException}.
     */
    public List<Optional<ObjectData>> getObjects(List<SuiAddress> ids) {
        String m = "LedgerService/BatchGetObjects";
        List<Optional<ObjectData>> out = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH_GET_OBJECTS_LIMIT) {
            List<SuiAddress> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_OBJECTS_LIMIT));
            var request = BatchGetObjectsRequest.newBuilder().setReadMask(ReadMasks.OBJECT);
            chunk.forEach(id -> request.addRequests(GetObjectRequest.newBuilder().setObjectId(id.toString())));
            var response = call(m, () -> ledger().batchGetObjects(request.build()));
            if (response.getObjectsCount() != chunk.size()) {
                throw new io.walrusj.chain.rpc.SuiProtocolException(m, "asked for " + chunk.size()
                        + " objects, got " + response.getObjectsCount() + " results");
            }
            for (int i = 0; i < chunk.size(); i++) {
                out.add(result(m, chunk.get(i), response.getObjects(i)));
            }
        }
        return out;
    }

    private static Optional<ObjectData> result(String m, SuiAddress id, GetObjectResult r) {
        return switch (r.getResultCase()) {
            case OBJECT -> Optional.of(GrpcMapping.object(m, r.getObject()));
            case ERROR -> {
                Status.Code code = Status.fromCodeValue(r.getError().getCode()).getCode();
                if (code == Status.Code.NOT_FOUND) {
                    yield Optional.empty();
                }
                throw new SuiGrpcException(m, code, "object " + id + ": " + r.getError().getMessage(), null, null);
            }
            case RESULT_NOT_SET -> throw GrpcErrors.missing(m, "result for object " + id);
        };
    }

    /** {@code GetCheckpoint} by sequence number with its transactions' events; empty if not (or no longer) available. */
    public Optional<CheckpointData> getCheckpoint(long sequenceNumber) {
        return checkpoint(GetCheckpointRequest.newBuilder().setSequenceNumber(sequenceNumber));
    }

    /** {@code GetCheckpoint} of the latest executed checkpoint. */
    public CheckpointData latestCheckpoint() {
        return checkpoint(GetCheckpointRequest.newBuilder())
                .orElseThrow(() -> GrpcErrors.missing("LedgerService/GetCheckpoint", "the latest checkpoint"));
    }

    private Optional<CheckpointData> checkpoint(GetCheckpointRequest.Builder request) {
        String m = "LedgerService/GetCheckpoint";
        Optional<GetCheckpointResponse> r = callOrNotFound(m,
                () -> ledger().getCheckpoint(request.setReadMask(ReadMasks.CHECKPOINT).build()));
        if (r.isPresent() && !r.get().hasCheckpoint()) {
            throw GrpcErrors.missing(m, "checkpoint");
        }
        return r.map(x -> GrpcMapping.checkpoint(m, x.getCheckpoint()));
    }

    /** {@code GetTransaction} by Base58 digest, with checkpoint, timestamp and events; empty if not found. */
    public Optional<ExecutedTx> getTransaction(String digest) {
        String m = "LedgerService/GetTransaction";
        var r = callOrNotFound(m, () -> ledger().getTransaction(GetTransactionRequest.newBuilder()
                .setDigest(digest).setReadMask(ReadMasks.TRANSACTION).build()));
        if (r.isPresent() && !r.get().hasTransaction()) {
            throw GrpcErrors.missing(m, "transaction");
        }
        return r.map(x -> GrpcMapping.transaction(m, x.getTransaction()));
    }

    /** {@code GetEpoch} of the current epoch. */
    public EpochInfo currentEpoch() {
        return epoch(GetEpochRequest.newBuilder());
    }

    /** {@code GetEpoch} of a given epoch ({@code NOT_FOUND} for a future one is a {@link SuiGrpcException}). */
    public EpochInfo getEpoch(long epoch) {
        return epoch(GetEpochRequest.newBuilder().setEpoch(epoch));
    }

    private EpochInfo epoch(GetEpochRequest.Builder request) {
        String m = "LedgerService/GetEpoch";
        var r = call(m, () -> ledger().getEpoch(request.setReadMask(ReadMasks.EPOCH).build()));
        if (!r.hasEpoch()) {
            throw GrpcErrors.missing(m, "epoch");
        }
        return GrpcMapping.epoch(m, r.getEpoch());
    }

    /** {@code GetBalance} of one coin type (e.g. {@code 0x2::sui::SUI}) owned by {@code owner}. */
    public CoinBalance getBalance(SuiAddress owner, String coinType) {
        String m = "StateService/GetBalance";
        var r = call(m, () -> state().getBalance(GetBalanceRequest.newBuilder()
                .setOwner(owner.toString()).setCoinType(coinType).build()));
        if (!r.hasBalance()) {
            throw GrpcErrors.missing(m, "balance");
        }
        return GrpcMapping.balance(m, coinType, r.getBalance());
    }

    /**
     * One page of {@code ListDynamicFields} of {@code parent}.
     *
     * @param pageSize 1..{@value #MAX_PAGE_SIZE}
     * @param pageToken {@code null} for the first page, else the previous page's token
     */
    public Page<DynamicFieldEntry> listDynamicFields(SuiAddress parent, int pageSize, byte[] pageToken) {
        String m = "StateService/ListDynamicFields";
        var request = ListDynamicFieldsRequest.newBuilder().setParent(parent.toString())
                .setPageSize(pageSize(pageSize)).setReadMask(ReadMasks.DYNAMIC_FIELD);
        if (pageToken != null) {
            request.setPageToken(com.google.protobuf.ByteString.copyFrom(pageToken));
        }
        var r = call(m, () -> state().listDynamicFields(request.build()));
        return new Page<>(r.getDynamicFieldsList().stream().map(f -> GrpcMapping.dynamicField(m, f)).toList(),
                r.hasNextPageToken() && !r.getNextPageToken().isEmpty()
                        ? Optional.of(r.getNextPageToken().toByteArray()) : Optional.empty());
    }

    /**
     * One page of {@code ListOwnedObjects} of {@code owner}, with the same fields as {@link #getObject}.
     *
     * @param objectType {@code null} for all types, else a type filter ({@code 0x2::coin::Coin} matches any {@code Coin<T>})
     * @param pageSize 1..{@value #MAX_PAGE_SIZE}
     * @param pageToken {@code null} for the first page, else the previous page's token
     */
    public Page<ObjectData> listOwnedObjects(SuiAddress owner, String objectType, int pageSize, byte[] pageToken) {
        String m = "StateService/ListOwnedObjects";
        var request = ListOwnedObjectsRequest.newBuilder().setOwner(owner.toString())
                .setPageSize(pageSize(pageSize)).setReadMask(ReadMasks.OBJECT);
        if (objectType != null) {
            request.setObjectType(objectType);
        }
        if (pageToken != null) {
            request.setPageToken(com.google.protobuf.ByteString.copyFrom(pageToken));
        }
        var r = call(m, () -> state().listOwnedObjects(request.build()));
        return new Page<>(r.getObjectsList().stream().map(o -> GrpcMapping.object(m, o)).toList(),
                r.hasNextPageToken() && !r.getNextPageToken().isEmpty()
                        ? Optional.of(r.getNextPageToken().toByteArray()) : Optional.empty());
    }

    /**
     * Starts {@code SubscribeCheckpoints} (unfiltered, {@link ReadMasks#CHECKPOINT}); no deadline.
     * Close the returned stream to cancel it.
     */
    public CheckpointStream subscribeCheckpoints() {
        return CheckpointStream.start("SubscriptionService/SubscribeCheckpoints", channel, CallOptions.DEFAULT,
                SubscribeCheckpointsRequest.newBuilder().setReadMask(ReadMasks.CHECKPOINT).build());
    }

    /** The per-call deadline. */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** Shuts the channel down if this client built it (waits up to 5 s, then forces). */
    @Override
    public void close() {
        if (!ownsChannel) {
            return;
        }
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private LedgerServiceGrpc.LedgerServiceBlockingStub ledger() {
        return ledger.withDeadlineAfter(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private StateServiceGrpc.StateServiceBlockingStub state() {
        return state.withDeadlineAfter(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static <T> T call(String method, Supplier<T> call) {
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            throw GrpcErrors.map(method, e);
        }
    }

    private static <T> Optional<T> callOrNotFound(String method, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw GrpcErrors.map(method, e);
        }
    }

    private static int pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        return pageSize;
    }

    private static Duration requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** Settings of a client that owns its channel. */
    public static final class Builder {
        private final GrpcTarget target;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration keepAliveTime = Duration.ofSeconds(30);
        private int maxInboundMessageBytes = DEFAULT_MAX_INBOUND_MESSAGE_BYTES;
        private String userAgent = "walrusj-chain-client";
        private java.nio.file.Path trustedCertificates;

        private Builder(GrpcTarget target) {
            this.target = target;
        }

        /** Deadline of each unary call (default 30 s). */
        public Builder callTimeout(Duration d) {
            this.callTimeout = requirePositive(d, "callTimeout");
            return this;
        }

        /** TCP connect timeout (default 10 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = requirePositive(d, "connectTimeout");
            return this;
        }

        /** HTTP/2 keep-alive ping interval, which also detects a dead connection under a quiet stream (default 30 s). */
        public Builder keepAliveTime(Duration d) {
            this.keepAliveTime = requirePositive(d, "keepAliveTime");
            return this;
        }

        /** Largest inbound message; a larger one fails the call with {@code RESOURCE_EXHAUSTED} (default 64 MiB). */
        public Builder maxInboundMessageBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxInboundMessageBytes must be >= 1024, got " + bytes);
            }
            this.maxInboundMessageBytes = bytes;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * For {@code https://} only: trust exactly the PEM certificates in this file (a private CA or a
         * self-signed node) instead of the JVM's default trust store.
         */
        public Builder trustedCertificates(java.nio.file.Path pemFile) {
            this.trustedCertificates = Objects.requireNonNull(pemFile, "pemFile");
            return this;
        }

        public SuiGrpcClient build() {
            NettyChannelBuilder b = NettyChannelBuilder.forAddress(target.host(), target.port())
                    .maxInboundMessageSize(maxInboundMessageBytes)
                    .maxInboundMetadataSize(64 << 10)
                    .userAgent(userAgent)
                    .keepAliveTime(keepAliveTime.toNanos(), TimeUnit.NANOSECONDS)
                    .keepAliveWithoutCalls(false)
                    .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
            if (target.tls() && trustedCertificates != null) {
                try {
                    b.sslContext(GrpcSslContexts.forClient().trustManager(trustedCertificates.toFile()).build());
                } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("cannot use " + trustedCertificates + " as trusted certificates", e);
                }
            } else if (target.tls()) {
                b.useTransportSecurity();
            } else if (trustedCertificates != null) {
                throw new IllegalArgumentException("trustedCertificates needs an https:// URL, got http://" + target.host());
            } else {
                b.usePlaintext();
            }
            return new SuiGrpcClient(b.build(), true, callTimeout);
        }
    }
}
