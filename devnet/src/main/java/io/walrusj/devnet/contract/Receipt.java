package io.walrusj.devnet.contract;

import java.util.List;

/**
 * The effects of one successful transaction: object changes in the order the transaction first
 * touched the objects, and events in emission order.
 */
public record Receipt(List<ObjectChange> changes, List<EmittedEvent> events) {
    public Receipt {
        changes = List.copyOf(changes);
        events = List.copyOf(events);
    }
}
