package io.walrusj.devnet.grpc;

import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.walrusj.chain.grpc.proto.BatchGetObjectsRequest;
import io.walrusj.chain.grpc.proto.BatchGetObjectsResponse;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.Epoch;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointResponse;
import io.walrusj.chain.grpc.proto.GetEpochRequest;
import io.walrusj.chain.grpc.proto.GetEpochResponse;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.GetObjectResponse;
import io.walrusj.chain.grpc.proto.GetObjectResult;
import io.walrusj.chain.grpc.proto.GetServiceInfoRequest;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.grpc.proto.GetTransactionRequest;
import io.walrusj.chain.grpc.proto.GetTransactionResponse;
import io.walrusj.chain.grpc.proto.LedgerServiceGrpc;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.Ledger;
import io.walrusj.devnet.ledger.LedgerStore;
import io.walrusj.devnet.ledger.StoredObject;
import io.walrusj.devnet.ledger.StoredTransaction;
import java.util.List;

/**
 * Sui's {@code LedgerService} over the devnet ledger: the same {@link LedgerStore} lookups the
 * JSON-RPC reads use. The store keeps the latest version of each object only, so a request for
 * another version, like one for a deleted or unknown object, is {@code NOT_FOUND}.
 */
final class LedgerGrpcService extends LedgerServiceGrpc.LedgerServiceImplBase {
    /** The devnet has no gas: every epoch reports this reference gas price (MIST). */
    static final long REFERENCE_GAS_PRICE = 1000;
    static final String CHAIN_NAME = "walrusj-devnet";
    /** Most objects in one {@code BatchGetObjects}. */
    static final int MAX_BATCH = 1000;

    private final Ledger ledger;
    private final LedgerStore store;

    LedgerGrpcService(Ledger ledger, LedgerStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    @Override
    public void getServiceInfo(GetServiceInfoRequest request, StreamObserver<GetServiceInfoResponse> out) {
        io.walrusj.devnet.ledger.Checkpoint last = ledger.lastCheckpoint();
        answer(out, GetServiceInfoResponse.newBuilder()
                .setChainId(chainId())
                .setChain(CHAIN_NAME)
                .setEpoch(last.epoch())
                .setCheckpointHeight(last.sequenceNumber())
                .setTimestamp(SuiProtos.timestamp(last.timestampMs()))
                .setLowestAvailableCheckpoint(0)
                .setLowestAvailableCheckpointObjects(0)
                .setServer(CHAIN_NAME)
                .build());
    }

    private volatile String chainId;

    /** Base58 digest of the genesis checkpoint, as Sui's chain id (read once: it never changes). */
    private String chainId() {
        String id = chainId;
        if (id == null) {
            id = Base58.encode(store.checkpoint(0).orElseThrow().digest());
            chainId = id;
        }
        return id;
    }

    @Override
    public void getObject(GetObjectRequest request, StreamObserver<GetObjectResponse> out) {
        ReadMask mask = objectMask(request.hasReadMask(), request.getReadMask());
        answer(out, GetObjectResponse.newBuilder().setObject(mask.apply(SuiProtos.object(find(request), mask.includes("json")))).build());
    }

    @Override
    public void batchGetObjects(BatchGetObjectsRequest request, StreamObserver<BatchGetObjectsResponse> out) {
        if (request.getRequestsCount() > MAX_BATCH) {
            throw GrpcStatuses.invalid("requests", "at most " + MAX_BATCH + " objects per call, got " + request.getRequestsCount());
        }
        ReadMask mask = objectMask(request.hasReadMask(), request.getReadMask());
        BatchGetObjectsResponse.Builder response = BatchGetObjectsResponse.newBuilder();
        for (GetObjectRequest one : request.getRequestsList()) {
            GetObjectResult.Builder result = GetObjectResult.newBuilder();
            try {
                result.setObject(mask.apply(SuiProtos.object(find(one), mask.includes("json"))));
            } catch (StatusRuntimeException e) {
                result.setError(StatusProto.fromThrowable(e));
            }
            response.addObjects(result);
        }
        answer(out, response.build());
    }

    static ReadMask objectMask(boolean present, com.google.protobuf.FieldMask mask) {
        return ReadMask.of(present, mask, io.walrusj.chain.grpc.proto.Object.getDescriptor(), "object_id", "version", "digest");
    }

    private StoredObject find(GetObjectRequest request) {
        SuiAddress id = GrpcStatuses.address(request.hasObjectId(), request.getObjectId(), "object_id");
        StoredObject o = store.object(id).filter(x -> !x.deleted())
                .orElseThrow(() -> GrpcStatuses.notFound("object " + id + " not found"));
        if (request.hasVersion() && request.getVersion() != o.version()) {
            throw GrpcStatuses.notFound("object " + id + " version " + Long.toUnsignedString(request.getVersion())
                    + " not found (the devnet keeps the latest version " + o.version() + ")");
        }
        return o;
    }

    @Override
    public void getCheckpoint(GetCheckpointRequest request, StreamObserver<GetCheckpointResponse> out) {
        ReadMask mask = checkpointMask(request.hasReadMask(), request.getReadMask());
        io.walrusj.devnet.ledger.Checkpoint c = switch (request.getCheckpointIdCase()) {
            case SEQUENCE_NUMBER -> store.checkpoint(request.getSequenceNumber()).orElseThrow(() -> GrpcStatuses.notFound(
                    "checkpoint " + Long.toUnsignedString(request.getSequenceNumber()) + " not found"));
            case DIGEST -> store.checkpoint(GrpcStatuses.digest(true, request.getDigest(), "digest"))
                    .orElseThrow(() -> GrpcStatuses.notFound("checkpoint " + request.getDigest() + " not found"));
            case CHECKPOINTID_NOT_SET -> ledger.lastCheckpoint();
        };
        answer(out, GetCheckpointResponse.newBuilder().setCheckpoint(checkpoint(c, mask)).build());
    }

    static ReadMask checkpointMask(boolean present, com.google.protobuf.FieldMask mask) {
        return ReadMask.of(present, mask, Checkpoint.getDescriptor(), "sequence_number", "digest");
    }

    /** A stored checkpoint cut to {@code mask}; its transactions and events are read only if the mask asks for them. */
    Checkpoint checkpoint(io.walrusj.devnet.ledger.Checkpoint c, ReadMask mask) {
        List<SuiProtos.TxWithEvents> txs = mask.includes("transactions")
                ? store.transactionsOf(c.sequenceNumber()).stream().map(this::withEvents).toList() : List.of();
        return mask.apply(SuiProtos.checkpoint(c, txs, eventJson(mask.child("transactions"))));
    }

    /** Whether a transaction mask asks for its events' JSON. */
    static boolean eventJson(ReadMask transactionMask) {
        return transactionMask.includes("events") && transactionMask.child("events").includes("events")
                && transactionMask.child("events").child("events").includes("json");
    }

    private SuiProtos.TxWithEvents withEvents(StoredTransaction tx) {
        return new SuiProtos.TxWithEvents(tx, store.eventsOf(tx.sequence()));
    }

    @Override
    public void getTransaction(GetTransactionRequest request, StreamObserver<GetTransactionResponse> out) {
        ReadMask mask = ReadMask.of(request.hasReadMask(), request.getReadMask(), ExecutedTransaction.getDescriptor(), "digest");
        byte[] digest = GrpcStatuses.digest(request.hasDigest(), request.getDigest(), "digest");
        StoredTransaction tx = store.transaction(digest)
                .orElseThrow(() -> GrpcStatuses.notFound("transaction " + request.getDigest() + " not found"));
        // One transaction per checkpoint: its index there is 0.
        answer(out, GetTransactionResponse.newBuilder().setTransaction(mask.apply(SuiProtos.transaction(withEvents(tx), 0, eventJson(mask)))).build());
    }

    @Override
    public void getEpoch(GetEpochRequest request, StreamObserver<GetEpochResponse> out) {
        ReadMask mask = ReadMask.of(request.hasReadMask(), request.getReadMask(), Epoch.getDescriptor(), "epoch");
        long current = ledger.system().currentEpoch();
        long epoch = request.hasEpoch() ? request.getEpoch() : current;
        if (Long.compareUnsigned(epoch, current) > 0) {
            throw GrpcStatuses.notFound("epoch " + Long.toUnsignedString(epoch) + " not found (current epoch " + current + ")");
        }
        Epoch.Builder e = Epoch.newBuilder().setEpoch(epoch).setReferenceGasPrice(REFERENCE_GAS_PRICE);
        store.epochRange(epoch).ifPresent(r -> {
            e.setFirstCheckpoint(r.firstCheckpoint()).setStart(SuiProtos.timestamp(r.startMs()));
            if (epoch < current) {
                e.setLastCheckpoint(r.lastCheckpoint()).setEnd(SuiProtos.timestamp(r.endMs()));
            }
        });
        answer(out, GetEpochResponse.newBuilder().setEpoch(mask.apply(e.build())).build());
    }

    static <T> void answer(StreamObserver<T> out, T response) {
        out.onNext(response);
        out.onCompleted();
    }
}
