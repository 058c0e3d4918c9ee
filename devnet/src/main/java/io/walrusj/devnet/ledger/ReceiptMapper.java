package io.walrusj.devnet.ledger;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import io.walrusj.devnet.contract.EmittedEvent;
import io.walrusj.devnet.contract.LedgerObject;
import io.walrusj.devnet.contract.ObjectChange;
import io.walrusj.devnet.contract.Owner;
import io.walrusj.devnet.contract.Receipt;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.ObjectMapper;

/** Turns a contract {@link Receipt} into the rows the ledger store persists. */
final class ReceiptMapper {
    private static final byte[] CHECKPOINT_DOMAIN = "CheckpointSummary::".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OBJECT_DOMAIN = "Object::".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final SuiAddress packageId;

    ReceiptMapper(ObjectMapper mapper, SuiAddress packageId) {
        this.mapper = mapper;
        this.packageId = packageId;
    }

    CommittedTransaction map(StoredTransaction tx, String module, Checkpoint checkpoint, Receipt receipt) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < receipt.events().size(); i++) {
            EmittedEvent e = receipt.events().get(i);
            events.add(new StoredEvent(tx.sequence(), i, tx.digest(), checkpoint.sequenceNumber(), packageId, module, e.type(),
                    tx.sender(), e.bcs(), mapper.writeValueAsString(e.json()), tx.timestampMs()));
        }
        List<StoredObject> objects = new ArrayList<>();
        List<DynamicField> fields = new ArrayList<>();
        for (ObjectChange change : receipt.changes()) {
            LedgerObject o = change.object();
            boolean gone = change instanceof ObjectChange.Deleted || change instanceof ObjectChange.Wrapped;
            objects.add(new StoredObject(o.id(), o.version(), objectDigest(o), o.type(), ownerKind(o.owner()), ownerAddress(o.owner()),
                    o.owner() instanceof Owner.Shared s ? s.initialSharedVersion() : null, o.bcs(),
                    mapper.writeValueAsString(o.json()), tx.digest(), gone));
            o.dynamicField().ifPresent(name -> fields.add(new DynamicField(name.parent(), name.type(), name.bcs(),
                    mapper.writeValueAsString(name.json()), o.id())));
        }
        return new CommittedTransaction(tx, checkpoint, events, objects, fields);
    }

    /** Blake2b-256("CheckpointSummary::" || seq || previous digest || tx digest || timestamp). */
    static byte[] checkpointDigest(long sequence, byte[] previous, byte[] txDigest, long timestampMs) {
        return Blake2b256.hash(BcsWriter.encode(w -> {
            w.fixedBytes(CHECKPOINT_DOMAIN);
            w.u64(sequence);
            w.fixedBytes(previous == null ? new byte[32] : previous);
            w.fixedBytes(txDigest);
            w.u64(timestampMs);
        }));
    }

    private static byte[] objectDigest(LedgerObject o) {
        return Blake2b256.hash(BcsWriter.encode(w -> {
            w.fixedBytes(OBJECT_DOMAIN);
            w.fixedBytes(o.id().bytes());
            w.u64(o.version());
            w.bytes(o.bcs());
        }));
    }

    private static String ownerKind(Owner owner) {
        return switch (owner) {
            case Owner.AddressOwner a -> "AddressOwner";
            case Owner.ObjectOwner o -> "ObjectOwner";
            case Owner.Shared s -> "Shared";
            case Owner.Immutable i -> "Immutable";
        };
    }

    private static SuiAddress ownerAddress(Owner owner) {
        return switch (owner) {
            case Owner.AddressOwner a -> a.address();
            case Owner.ObjectOwner o -> o.parent();
            default -> null;
        };
    }
}
