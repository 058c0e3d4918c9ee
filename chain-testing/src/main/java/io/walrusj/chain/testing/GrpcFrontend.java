package io.walrusj.chain.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.walrusj.chain.grpc.proto.Balance;
import io.walrusj.chain.grpc.proto.BatchGetObjectsRequest;
import io.walrusj.chain.grpc.proto.BatchGetObjectsResponse;
import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.DynamicField;
import io.walrusj.chain.grpc.proto.Epoch;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.GetBalanceRequest;
import io.walrusj.chain.grpc.proto.GetBalanceResponse;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointResponse;
import io.walrusj.chain.grpc.proto.GetEpochRequest;
import io.walrusj.chain.grpc.proto.GetEpochResponse;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.GetObjectResponse;
import io.walrusj.chain.grpc.proto.GetObjectResult;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.grpc.proto.GetTransactionRequest;
import io.walrusj.chain.grpc.proto.GetTransactionResponse;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsRequest;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsResponse;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsRequest;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsResponse;
import io.walrusj.chain.grpc.proto.Object;
import io.walrusj.chain.grpc.proto.Owner;
import io.walrusj.chain.grpc.proto.Package;
import io.walrusj.chain.grpc.proto.TypeOrigin;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.rpc.Owner.AddressOwner;
import io.walrusj.chain.rpc.Owner.Immutable;
import io.walrusj.chain.rpc.Owner.ObjectOwner;
import io.walrusj.chain.rpc.Owner.Shared;
import io.walrusj.core.crypto.SuiAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Serves a {@link ChainModel} as Sui gRPC v2 by setting the handlers of a {@link FakeSuiGrpc}:
 * objects, dynamic fields, owned objects, balances, epochs, checkpoints, transactions and
 * {@code SubscribeCheckpoints}, each subscription following a {@link FakeSuiChain.Plan}.
 */
final class GrpcFrontend {

    private final class Sub {
        final ServerCallStreamObserver<SubscribeCheckpointsResponse> out;
        final FakeSuiChain.Plan plan;
        long next;
        int sent;
        boolean over;

        Sub(ServerCallStreamObserver<SubscribeCheckpointsResponse> out, FakeSuiChain.Plan plan, long next) {
            this.out = out;
            this.plan = plan;
            this.next = next;
        }
    }

    private final ChainModel model;
    private final FakeSuiGrpc grpc;
    private final List<Sub> subs = new ArrayList<>();
    private final List<Long> fetched = new CopyOnWriteArrayList<>();
    private final CountDownLatch unblock = new CountDownLatch(1);
    private final AtomicInteger cancelledReads = new AtomicInteger();
    volatile IntFunction<FakeSuiChain.Plan> plans = i -> FakeSuiChain.Plan.LIVE;
    volatile long lowestAvailable;
    volatile long blockFrom = Long.MAX_VALUE;

    GrpcFrontend(ChainModel model, FakeSuiGrpc grpc) {
        this.model = model;
        this.grpc = grpc;
        grpc.serviceInfo = guarded("GetServiceInfo", r -> GetServiceInfoResponse.newBuilder().setChainId("fake")
                .setChain("walrusj-fake").setEpoch(model.epoch()).setCheckpointHeight(model.head())
                .setLowestAvailableCheckpoint(lowestAvailable).build());
        grpc.getObject = guarded("GetObject", this::getObject);
        grpc.batchGetObjects = guarded("BatchGetObjects", this::batchGetObjects);
        grpc.getTransaction = guarded("GetTransaction", this::getTransaction);
        grpc.getCheckpoint = guarded("GetCheckpoint", this::getCheckpoint);
        grpc.getEpoch = guarded("GetEpoch", this::getEpoch);
        grpc.listDynamicFields = guarded("ListDynamicFields", this::listDynamicFields);
        grpc.listOwnedObjects = guarded("ListOwnedObjects", this::listOwnedObjects);
        grpc.getBalance = guarded("GetBalance", this::getBalance);
        grpc.subscribe = this::subscribe;
        model.onCheckpoint(seq -> subs.forEach(this::pump));
    }

    List<Long> fetched() {
        return List.copyOf(fetched);
    }

    int cancelledReads() {
        return cancelledReads.get();
    }

    void unblock() {
        unblock.countDown();
    }

    long cancelledSubscriptions() {
        synchronized (model) {
            return subs.stream().filter(s -> s.out.isCancelled()).count();
        }
    }

    private <Q, R> Function<Q, R> guarded(String method, Function<Q, R> handler) {
        return request -> {
            if (!model.call(method)) {
                throw Status.UNAVAILABLE.withDescription("fault injected by FakeSuiChain.failNext").asRuntimeException();
            }
            return handler.apply(request);
        };
    }

    // ------------------------------------------------------------------ objects

    static Object object(FakeObject o) {
        return Object.newBuilder().setObjectId(o.id().toString()).setVersion(o.version()).setDigest(o.digest())
                .setOwner(owner(o.owner())).setObjectType(o.type()).setHasPublicTransfer(false)
                .setContents(Bcs.newBuilder().setName(o.type()).setValue(ByteString.copyFrom(o.contents())))
                .build();
    }

    private static Owner owner(io.walrusj.chain.rpc.Owner owner) {
        Owner.Builder b = Owner.newBuilder();
        return switch (owner) {
            case AddressOwner a -> b.setKind(Owner.OwnerKind.ADDRESS).setAddress(a.address().toString()).build();
            case ObjectOwner p -> b.setKind(Owner.OwnerKind.OBJECT).setAddress(p.parent().toString()).build();
            case Shared s -> b.setKind(Owner.OwnerKind.SHARED).setVersion(s.initialSharedVersion()).build();
            case Immutable i -> b.setKind(Owner.OwnerKind.IMMUTABLE).build();
            default -> throw new IllegalArgumentException("the fake chain does not serve owner " + owner);
        };
    }

    private static SuiAddress address(String text, String field) {
        try {
            return SuiAddress.parseLenient(text);
        } catch (RuntimeException e) {
            throw Status.INVALID_ARGUMENT.withDescription("invalid " + field + " '" + text + "'").asRuntimeException();
        }
    }

    private GetObjectResponse getObject(GetObjectRequest r) {
        SuiAddress id = address(r.getObjectId(), "object_id");
        var pkg = model.typeOrigins(id);
        if (pkg.isPresent()) {
            Package.Builder p = Package.newBuilder().setStorageId(id.toString()).setOriginalId(id.toString()).setVersion(1);
            pkg.get().forEach((module, types) -> types.forEach((name, origin) -> p.addTypeOrigins(TypeOrigin.newBuilder()
                    .setModuleName(module).setDatatypeName(name).setPackageId(origin.toString()))));
            return GetObjectResponse.newBuilder().setObject(Object.newBuilder().setObjectId(id.toString()).setVersion(1)
                    .setDigest(new FakeObject(id, 1, "package", new io.walrusj.chain.rpc.Owner.Immutable(), new byte[0]).digest())
                    .setOwner(Owner.newBuilder().setKind(Owner.OwnerKind.IMMUTABLE)).setPackage(p)).build();
        }
        FakeObject o = model.object(id).orElseThrow(
                () -> Status.NOT_FOUND.withDescription("object " + id + " not found").asRuntimeException());
        return GetObjectResponse.newBuilder().setObject(object(o)).build();
    }

    private BatchGetObjectsResponse batchGetObjects(BatchGetObjectsRequest r) {
        BatchGetObjectsResponse.Builder b = BatchGetObjectsResponse.newBuilder();
        for (GetObjectRequest one : r.getRequestsList()) {
            Optional<FakeObject> o = model.object(address(one.getObjectId(), "object_id"));
            b.addObjects(o.map(x -> GetObjectResult.newBuilder().setObject(object(x)).build())
                    .orElseGet(() -> GetObjectResult.newBuilder().setError(com.google.rpc.Status.newBuilder()
                            .setCode(Status.Code.NOT_FOUND.value()).setMessage("object not found")).build()));
        }
        return b.build();
    }

    private ListDynamicFieldsResponse listDynamicFields(ListDynamicFieldsRequest r) {
        List<ChainModel.Field> all = model.fields(address(r.getParent(), "parent"));
        int from = token(r.getPageToken());
        int size = r.getPageSize() == 0 ? 50 : Math.min(r.getPageSize(), 1000);
        ListDynamicFieldsResponse.Builder b = ListDynamicFieldsResponse.newBuilder();
        for (int i = from; i < Math.min(all.size(), from + size); i++) {
            ChainModel.Field f = all.get(i);
            b.addDynamicFields(DynamicField.newBuilder().setKind(DynamicField.DynamicFieldKind.FIELD)
                    .setParent(f.parent().toString()).setFieldId(f.fieldId().toString())
                    .setName(Bcs.newBuilder().setName(f.nameType()).setValue(ByteString.copyFrom(f.nameBcs())))
                    .setValueType(f.valueType())
                    .setValue(Bcs.newBuilder().setName(f.valueType()).setValue(ByteString.copyFrom(f.valueBcs()))));
        }
        if (from + size < all.size()) {
            b.setNextPageToken(nextToken(from + size));
        }
        return b.build();
    }

    private ListOwnedObjectsResponse listOwnedObjects(ListOwnedObjectsRequest r) {
        List<FakeObject> all = model.ownedBy(address(r.getOwner(), "owner"), r.hasObjectType() ? r.getObjectType() : null);
        int from = token(r.getPageToken());
        int size = r.getPageSize() == 0 ? 50 : Math.min(r.getPageSize(), 1000);
        ListOwnedObjectsResponse.Builder b = ListOwnedObjectsResponse.newBuilder();
        all.stream().skip(from).limit(size).forEach(o -> b.addObjects(object(o)));
        if (from + size < all.size()) {
            b.setNextPageToken(nextToken(from + size));
        }
        return b.build();
    }

    private static int token(ByteString token) {
        if (token.isEmpty()) {
            return 0;
        }
        if (token.size() != 4) {
            throw Status.INVALID_ARGUMENT.withDescription("invalid page_token").asRuntimeException();
        }
        return token.asReadOnlyByteBuffer().getInt();
    }

    private static ByteString nextToken(int index) {
        return ByteString.copyFrom(ByteBuffer.allocate(4).putInt(index).array());
    }

    private GetBalanceResponse getBalance(GetBalanceRequest r) {
        long amount = model.balance(address(r.getOwner(), "owner"), r.getCoinType());
        return GetBalanceResponse.newBuilder().setBalance(Balance.newBuilder().setCoinType(r.getCoinType())
                .setBalance(amount).setCoinBalance(amount).setAddressBalance(0)).build();
    }

    private GetEpochResponse getEpoch(GetEpochRequest r) {
        long epoch = model.epoch();
        if (r.hasEpoch() && r.getEpoch() != epoch) {
            throw Status.NOT_FOUND.withDescription("the fake chain serves only the current epoch " + epoch).asRuntimeException();
        }
        long startMs = Protos.TIMESTAMP_MS + model.epochFirstCheckpoint();
        return GetEpochResponse.newBuilder().setEpoch(Epoch.newBuilder().setEpoch(epoch)
                .setFirstCheckpoint(model.epochFirstCheckpoint()).setReferenceGasPrice(model.referenceGasPrice())
                .setStart(Timestamp.newBuilder().setSeconds(startMs / 1000).setNanos((int) (startMs % 1000) * 1_000_000)))
                .build();
    }

    // ------------------------------------------------------------------ checkpoints, transactions

    private GetTransactionResponse getTransaction(GetTransactionRequest r) {
        for (Checkpoint c : model.checkpoints()) {
            for (int i = 0; i < c.getTransactionsCount(); i++) {
                ExecutedTransaction t = c.getTransactions(i);
                if (t.getDigest().equals(r.getDigest())) {
                    return GetTransactionResponse.newBuilder().setTransaction(t.toBuilder()
                            .setCheckpoint(c.getSequenceNumber()).setTimestamp(c.getSummary().getTimestamp())
                            .setTransactionIndex(i)).build();
                }
            }
        }
        throw Status.NOT_FOUND.withDescription("transaction " + r.getDigest() + " not found").asRuntimeException();
    }

    private GetCheckpointResponse getCheckpoint(GetCheckpointRequest r) {
        long seq = r.hasSequenceNumber() ? r.getSequenceNumber() : model.head();
        fetched.add(seq);
        while (seq >= blockFrom && unblock.getCount() > 0) {
            if (io.grpc.Context.current().isCancelled()) {
                cancelledReads.incrementAndGet();
                throw Status.CANCELLED.asRuntimeException();
            }
            try {
                unblock.await(5, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw Status.CANCELLED.asRuntimeException();
            }
        }
        synchronized (model) {
            if (seq > model.head()) {
                throw Status.NOT_FOUND.withDescription("checkpoint " + seq + " not found").asRuntimeException();
            }
            return GetCheckpointResponse.newBuilder().setCheckpoint(model.checkpoint(seq)).build();
        }
    }

    private void subscribe(SubscribeCheckpointsRequest r, ServerCallStreamObserver<SubscribeCheckpointsResponse> out) {
        if (!model.call("SubscribeCheckpoints")) {
            out.onError(Status.UNAVAILABLE.withDescription("fault injected by FakeSuiChain.failNext").asRuntimeException());
            return;
        }
        synchronized (model) {
            FakeSuiChain.Plan plan = plans.apply(subs.size());
            Sub s = new Sub(out, plan, model.head() + plan.startAhead());
            subs.add(s);
            pump(s);
        }
    }

    /** Sends what {@code s} may send now; runs under the model's lock. */
    private void pump(Sub s) {
        try {
            while (!s.over && !s.out.isCancelled() && s.sent < s.plan.frames() && s.next <= model.head()) {
                s.out.onNext(SubscribeCheckpointsResponse.newBuilder().setCursor(s.next)
                        .setCheckpoint(model.checkpoint(s.next)).build());
                s.next++;
                s.sent++;
            }
            if (!s.over && s.sent >= s.plan.frames()) {
                s.over = true;
                switch (s.plan.end()) {
                    case COMPLETE -> s.out.onCompleted();
                    case FAIL -> s.out.onError(Status.UNAVAILABLE.withDescription("going away").asRuntimeException());
                    case SILENT -> { }
                }
            }
        } catch (RuntimeException e) {
            s.over = true; // cancelled by the client meanwhile
        }
    }
}
