package io.walrusj.chain.grpc;

import static io.walrusj.chain.grpc.GrpcErrors.address;
import static io.walrusj.chain.grpc.GrpcErrors.missing;
import static io.walrusj.chain.grpc.GrpcErrors.required;

import com.google.protobuf.Timestamp;
import io.walrusj.chain.grpc.proto.Balance;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.DynamicField;
import io.walrusj.chain.grpc.proto.Epoch;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.rpc.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.node.JsonNodeFactory;

/** Generated protobuf messages -> this package's records; a field Sui always sets but is missing -> SuiProtocolException. */
final class GrpcMapping {

    private GrpcMapping() {
    }

    static ObjectData object(String method, io.walrusj.chain.grpc.proto.Object o) {
        String what = "object";
        var id = address(method, o.getObjectId(), what + ".object_id");
        if (!o.hasVersion()) {
            throw missing(method, what + ".version of " + id);
        }
        String digest = required(method, o.hasDigest(), o.getDigest(), what + ".digest of " + id);
        Optional<Owner> owner = o.hasOwner() ? Optional.of(owner(method, o.getOwner())) : Optional.empty();
        Optional<String> type = o.hasObjectType() ? Optional.of(o.getObjectType()) : Optional.empty();
        Optional<byte[]> contents = o.hasContents() && o.getContents().hasValue()
                ? Optional.of(o.getContents().getValue().toByteArray()) : Optional.empty();
        return new ObjectData(id, o.getVersion(), digest, owner, type, contents);
    }

    static Owner owner(String method, io.walrusj.chain.grpc.proto.Owner o) {
        return switch (o.getKind()) {
            case ADDRESS -> new Owner.AddressOwner(address(method, o.getAddress(), "owner.address"));
            case OBJECT -> new Owner.ObjectOwner(address(method, o.getAddress(), "owner.address"));
            case SHARED -> new Owner.Shared(requireVersion(method, o));
            case IMMUTABLE -> new Owner.Immutable();
            case CONSENSUS_ADDRESS -> new Owner.ConsensusAddressOwner(requireVersion(method, o),
                    address(method, o.getAddress(), "owner.address"));
            // OWNER_KIND_UNKNOWN, or a kind added after these protos: kept, not rejected.
            default -> new Owner.Unknown(JsonNodeFactory.instance.stringNode(
                    o.getKind() == io.walrusj.chain.grpc.proto.Owner.OwnerKind.UNRECOGNIZED
                            ? "kind " + o.getKindValue() : o.getKind().name()));
        };
    }

    private static long requireVersion(String method, io.walrusj.chain.grpc.proto.Owner o) {
        if (!o.hasVersion()) {
            throw missing(method, "owner.version for kind " + o.getKind());
        }
        return o.getVersion();
    }

    static CheckpointData checkpoint(String method, Checkpoint c) {
        if (!c.hasSequenceNumber()) {
            throw missing(method, "checkpoint.sequence_number");
        }
        long seq = c.getSequenceNumber();
        String digest = required(method, c.hasDigest(), c.getDigest(), "checkpoint.digest of " + seq);
        if (!c.hasSummary() || !c.getSummary().hasTimestamp()) {
            throw missing(method, "checkpoint.summary.timestamp of " + seq);
        }
        OptionalLong epoch = c.getSummary().hasEpoch() ? OptionalLong.of(c.getSummary().getEpoch()) : OptionalLong.empty();
        Instant timestamp = instant(c.getSummary().getTimestamp());
        List<ExecutedTx> txs = new ArrayList<>(c.getTransactionsCount());
        for (int i = 0; i < c.getTransactionsCount(); i++) {
            ExecutedTx t = transaction(method, c.getTransactions(i));
            txs.add(new ExecutedTx(t.digest(), OptionalLong.of(seq), Optional.of(timestamp), i, t.events()));
        }
        return new CheckpointData(seq, digest, timestamp, epoch, txs);
    }

    static ExecutedTx transaction(String method, ExecutedTransaction t) {
        String digest = required(method, t.hasDigest(), t.getDigest(), "transaction.digest");
        List<ChainEvent> events = new ArrayList<>(t.getEvents().getEventsCount());
        for (int i = 0; i < t.getEvents().getEventsCount(); i++) {
            events.add(event(method, t.getEvents().getEvents(i), i, digest));
        }
        return new ExecutedTx(digest,
                t.hasCheckpoint() ? OptionalLong.of(t.getCheckpoint()) : OptionalLong.empty(),
                t.hasTimestamp() ? Optional.of(instant(t.getTimestamp())) : Optional.empty(),
                t.hasTransactionIndex() ? t.getTransactionIndex() : -1, events);
    }

    static ChainEvent event(String method, Event e, int index, String txDigest) {
        String what = "event " + index + " of transaction " + txDigest;
        var pkg = address(method, e.getPackageId(), what + " package_id");
        String module = required(method, e.hasModule(), e.getModule(), what + " module");
        var sender = address(method, e.getSender(), what + " sender");
        String type = required(method, e.hasEventType(), e.getEventType(), what + " event_type");
        if (!e.hasContents() || !e.getContents().hasValue()) {
            throw missing(method, what + " contents");
        }
        return new ChainEvent(index, pkg, module, sender, type, e.getContents().getValue().toByteArray());
    }

    static EpochInfo epoch(String method, Epoch e) {
        if (!e.hasEpoch()) {
            throw missing(method, "epoch.epoch");
        }
        if (!e.hasReferenceGasPrice()) {
            throw missing(method, "epoch.reference_gas_price of epoch " + e.getEpoch());
        }
        return new EpochInfo(e.getEpoch(), e.getReferenceGasPrice(),
                e.hasFirstCheckpoint() ? OptionalLong.of(e.getFirstCheckpoint()) : OptionalLong.empty(),
                e.hasStart() ? Optional.of(instant(e.getStart())) : Optional.empty());
    }

    static ServiceInfo serviceInfo(String method, GetServiceInfoResponse r) {
        String chainId = required(method, r.hasChainId(), r.getChainId(), "chain_id");
        if (!r.hasCheckpointHeight()) {
            throw missing(method, "checkpoint_height");
        }
        return new ServiceInfo(chainId, r.hasChain() ? Optional.of(r.getChain()) : Optional.empty(), r.getEpoch(),
                r.getCheckpointHeight(), r.hasTimestamp() ? Optional.of(instant(r.getTimestamp())) : Optional.empty(),
                r.getLowestAvailableCheckpoint(), r.hasServer() ? Optional.of(r.getServer()) : Optional.empty());
    }

    static CoinBalance balance(String method, String coinType, Balance b) {
        if (!b.hasBalance()) {
            throw missing(method, "balance.balance");
        }
        return new CoinBalance(b.hasCoinType() ? b.getCoinType() : coinType, b.getBalance(), b.getAddressBalance(),
                b.getCoinBalance());
    }

    static DynamicFieldEntry dynamicField(String method, DynamicField f) {
        var fieldId = address(method, f.getFieldId(), "dynamic_field.field_id");
        if (!f.hasName() || !f.getName().hasValue()) {
            throw missing(method, "dynamic_field.name of " + fieldId);
        }
        DynamicFieldEntry.Kind kind = switch (f.getKind()) {
            case FIELD -> DynamicFieldEntry.Kind.FIELD;
            case OBJECT -> DynamicFieldEntry.Kind.OBJECT;
            default -> DynamicFieldEntry.Kind.UNKNOWN;
        };
        return new DynamicFieldEntry(fieldId, kind,
                f.getName().hasName() ? Optional.of(f.getName().getName()) : Optional.empty(),
                f.getName().getValue().toByteArray(),
                f.hasValueType() ? Optional.of(f.getValueType()) : Optional.empty(),
                f.hasValue() && f.getValue().hasValue() ? Optional.of(f.getValue().getValue().toByteArray()) : Optional.empty(),
                f.hasChildId() ? Optional.of(address(method, f.getChildId(), "dynamic_field.child_id")) : Optional.empty());
    }

    static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
