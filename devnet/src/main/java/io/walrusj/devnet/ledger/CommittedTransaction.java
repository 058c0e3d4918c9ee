package io.walrusj.devnet.ledger;

import java.util.List;

/** Everything one accepted transaction writes, persisted atomically. */
public record CommittedTransaction(StoredTransaction transaction, Checkpoint checkpoint, List<StoredEvent> events,
        List<StoredObject> objects, List<DynamicField> dynamicFields) {
    public CommittedTransaction {
        events = List.copyOf(events);
        objects = List.copyOf(objects);
        dynamicFields = List.copyOf(dynamicFields);
    }
}
