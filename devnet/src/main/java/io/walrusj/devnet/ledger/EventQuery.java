package io.walrusj.devnet.ledger;

import io.walrusj.core.crypto.SuiAddress;

/** The event filters the devnet serves (a subset of Sui's EventFilter). */
public sealed interface EventQuery {
    /** {@code {"MoveEventModule": {"package", "module"}}}: events whose type is defined in that module. */
    record ByModule(SuiAddress packageId, String module) implements EventQuery {}

    /** {@code {"MoveEventType": "<pkg>::<module>::<Name>"}}. */
    record ByType(String type) implements EventQuery {}

    /** {@code {"All": []}}: every event. */
    record All() implements EventQuery {}
}
