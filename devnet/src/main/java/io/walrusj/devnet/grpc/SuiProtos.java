package io.walrusj.devnet.grpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.protobuf.UnsafeByteOperations;
import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.CheckpointSummary;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.Owner;
import io.walrusj.chain.grpc.proto.TransactionEvents;
import io.walrusj.core.crypto.Base58;
import io.walrusj.devnet.ledger.StoredEvent;
import io.walrusj.devnet.ledger.StoredObject;
import io.walrusj.devnet.ledger.StoredTransaction;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ledger rows -> Sui gRPC v2 messages, complete (every field the devnet has); the services then cut
 * them down to the request's read mask. Digests are Base58, addresses 0x + 64 hex digits, object and
 * event contents the BCS of the Move struct (what JSON-RPC returns as {@code bcsBytes} / {@code bcs}).
 */
final class SuiProtos {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private SuiProtos() {
    }

    /** An object; {@code json} = also its Move value as JSON (parsed only when asked for). */
    static io.walrusj.chain.grpc.proto.Object object(StoredObject o, boolean json) {
        io.walrusj.chain.grpc.proto.Object.Builder b = io.walrusj.chain.grpc.proto.Object.newBuilder()
                .setObjectId(o.id().toString())
                .setVersion(o.version())
                .setDigest(Base58.encode(o.digest()))
                .setOwner(owner(o))
                .setObjectType(o.type())
                .setHasPublicTransfer("AddressOwner".equals(o.ownerKind()))
                .setContents(bcs(o.type(), o.bcs()))
                .setPreviousTransaction(Base58.encode(o.previousTransaction()))
                .setStorageRebate(0);
        if (json) {
            b.setJson(json(o.contentJson()));
        }
        return b.build();
    }

    static Owner owner(StoredObject o) {
        Owner.Builder b = Owner.newBuilder();
        return switch (o.ownerKind()) {
            case "AddressOwner" -> b.setKind(Owner.OwnerKind.ADDRESS).setAddress(o.owner().toString()).build();
            case "ObjectOwner" -> b.setKind(Owner.OwnerKind.OBJECT).setAddress(o.owner().toString()).build();
            case "Shared" -> b.setKind(Owner.OwnerKind.SHARED).setVersion(o.initialVersion()).build();
            default -> b.setKind(Owner.OwnerKind.IMMUTABLE).build();
        };
    }

    /**
     * A checkpoint with its transactions (each with its events, in order); {@code transactions}
     * may be empty when the read mask does not ask for them.
     */
    static Checkpoint checkpoint(io.walrusj.devnet.ledger.Checkpoint c, List<TxWithEvents> transactions, boolean eventJson) {
        String digest = Base58.encode(c.digest());
        CheckpointSummary.Builder summary = CheckpointSummary.newBuilder()
                .setDigest(digest)
                .setEpoch(c.epoch())
                .setSequenceNumber(c.sequenceNumber())
                // One transaction per checkpoint, genesis included.
                .setTotalNetworkTransactions(c.sequenceNumber() + 1)
                .setTimestamp(timestamp(c.timestampMs()));
        if (c.previousDigest() != null) {
            summary.setPreviousDigest(Base58.encode(c.previousDigest()));
        }
        Checkpoint.Builder b = Checkpoint.newBuilder().setSequenceNumber(c.sequenceNumber()).setDigest(digest).setSummary(summary);
        for (int i = 0; i < transactions.size(); i++) {
            b.addTransactions(transaction(transactions.get(i), i, eventJson));
        }
        return b.build();
    }

    /** A transaction with the events it emitted. */
    record TxWithEvents(StoredTransaction transaction, List<StoredEvent> events) {}

    static ExecutedTransaction transaction(TxWithEvents t, long indexInCheckpoint, boolean eventJson) {
        StoredTransaction tx = t.transaction();
        String digest = Base58.encode(tx.digest());
        ExecutedTransaction.Builder b = ExecutedTransaction.newBuilder()
                .setDigest(digest)
                .setCheckpoint(tx.checkpoint())
                .setTimestamp(timestamp(tx.timestampMs()))
                .setTransactionIndex(indexInCheckpoint);
        if (!t.events().isEmpty()) {
            TransactionEvents.Builder events = TransactionEvents.newBuilder();
            for (StoredEvent e : t.events()) {
                events.addEvents(event(e, digest, indexInCheckpoint, eventJson));
            }
            b.setEvents(events);
        }
        return b.build();
    }

    static Event event(StoredEvent e, String txDigest, long transactionIndex, boolean json) {
        Event.Builder b = Event.newBuilder()
                .setPackageId(e.packageId().toString())
                .setModule(e.module())
                .setSender(e.sender().toString())
                .setEventType(e.type())
                .setContents(bcs(e.type(), e.bcs()))
                .setCheckpoint(e.checkpoint())
                .setTransactionDigest(txDigest)
                .setTransactionIndex(transactionIndex)
                .setEventIndex(e.eventSeq());
        if (json) {
            b.setJson(json(e.parsedJson()));
        }
        return b.build();
    }

    /** Stored JSON (Sui's parsed JSON of a Move value) as a {@code google.protobuf.Value}. */
    static Value json(String text) {
        return value(JSON.readTree(text));
    }

    private static Value value(JsonNode node) {
        Value.Builder v = Value.newBuilder();
        if (node.isObject()) {
            Struct.Builder struct = Struct.newBuilder();
            for (var e : node.properties()) {
                struct.putFields(e.getKey(), value(e.getValue()));
            }
            return v.setStructValue(struct).build();
        }
        if (node.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            node.forEach(element -> list.addValues(value(element)));
            return v.setListValue(list).build();
        }
        if (node.isString()) {
            return v.setStringValue(node.asString()).build();
        }
        if (node.isBoolean()) {
            return v.setBoolValue(node.asBoolean()).build();
        }
        if (node.isNumber()) {
            return v.setNumberValue(node.asDouble()).build();
        }
        return v.setNullValue(NullValue.NULL_VALUE).build();
    }

    static Bcs bcs(String name, byte[] value) {
        return Bcs.newBuilder().setName(name).setValue(wrap(value)).build();
    }

    static ByteString wrap(byte[] bytes) {
        // The stored rows are never changed after they are read, so no copy is needed.
        return UnsafeByteOperations.unsafeWrap(bytes);
    }

    static Timestamp timestamp(long epochMs) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMs, 1000)).setNanos((int) Math.floorMod(epochMs, 1000) * 1_000_000).build();
    }
}
