package io.walrusj.chain.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.CheckpointSummary;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.Object;
import io.walrusj.chain.grpc.proto.Owner;
import io.walrusj.chain.grpc.proto.TransactionEvents;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.core.crypto.SuiAddress;

/** Sui-shaped protobuf messages for the fake server. */
public final class Protos {

    public static final long TIMESTAMP_MS = 1_765_000_000_123L;

    private Protos() {
    }

    public static Object object(SuiAddress id, long version, byte[] contents) {
        return Object.newBuilder().setObjectId(id.toString()).setVersion(version).setDigest("DiGeSt" + version)
                .setOwner(Owner.newBuilder().setKind(Owner.OwnerKind.SHARED).setVersion(7))
                .setObjectType(Fixtures.PKG + "::system::System")
                .setContents(Bcs.newBuilder().setName("System").setValue(ByteString.copyFrom(contents)))
                .build();
    }

    public static Event event(String name) {
        return Event.newBuilder().setPackageId(Fixtures.LATEST.toString()).setModule("system")
                .setSender(Fixtures.SENDER.toString()).setEventType(Fixtures.eventType(name))
                .setContents(Bcs.newBuilder().setName(name).setValue(ByteString.copyFrom(Fixtures.eventBcs().get(name))))
                .build();
    }

    public static ExecutedTransaction tx(String digest, Event... events) {
        var t = ExecutedTransaction.newBuilder().setDigest(digest);
        if (events.length > 0) {
            t.setEvents(TransactionEvents.newBuilder().addAllEvents(java.util.List.of(events)));
        }
        return t.build();
    }

    /** Checkpoint {@code seq} of epoch 3. */
    public static Checkpoint checkpoint(long seq, ExecutedTransaction... txs) {
        return checkpoint(seq, 3, txs);
    }

    /** Checkpoint {@code seq} of {@code epoch}, timestamp {@link #TIMESTAMP_MS} + {@code seq}. */
    public static Checkpoint checkpoint(long seq, long epoch, ExecutedTransaction... txs) {
        long ms = TIMESTAMP_MS + seq;
        return Checkpoint.newBuilder().setSequenceNumber(seq).setDigest("Cp" + seq)
                .setSummary(CheckpointSummary.newBuilder().setEpoch(epoch)
                        .setTimestamp(Timestamp.newBuilder().setSeconds(ms / 1000).setNanos((int) (ms % 1000) * 1_000_000)))
                .addAllTransactions(java.util.List.of(txs))
                .build();
    }

    // ------------------------------------------------------------------ raw events (follower tests)

    /** A package version that defined event types added by an upgrade. */
    public static final SuiAddress UPGRADE_PKG =
            SuiAddress.parse("0x0000000000000000000000000000000000000000000000000000000000abc123");
    /** Some other package with an {@code events} module of its own. */
    public static final SuiAddress FOREIGN_PKG =
            SuiAddress.parse("0x0000000000000000000000000000000000000000000000000000000000f0f0f0");

    /** An event of the original Walrus mainnet package ({@code Fixtures.PKG::events::<name>}) with the fixture BCS. */
    public static Event walrus(String name) {
        return event(Fixtures.eventType(name), name);
    }

    /** A Walrus event whose type was defined by {@link #UPGRADE_PKG}. */
    public static Event upgraded(String name) {
        return event(UPGRADE_PKG + "::" + WalrusEvents.MODULE + "::" + name, name);
    }

    /** An event of {@link #FOREIGN_PKG}'s {@code events} module with a Walrus event's name and bytes. */
    public static Event foreign(String name) {
        return event(FOREIGN_PKG + "::" + WalrusEvents.MODULE + "::" + name, name);
    }

    private static Event event(String type, String name) {
        return event(name).toBuilder().setEventType(type)
                .setContents(Bcs.newBuilder().setName(name).setValue(ByteString.copyFrom(Fixtures.eventBcs().get(name))))
                .build();
    }

}
