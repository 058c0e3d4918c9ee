package io.walrusj.chain.grpc;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One event of an executed transaction, as Sui gRPC returns it. Decode it with
 * {@code WalrusEvents.decode(type(), bcs())}.
 *
 * @param eventIndex position within the transaction's events (the JSON-RPC {@code eventSeq})
 * @param packageId package of the module that emitted the event (not the type's package)
 * @param module module that emitted the event
 * @param type full struct tag; its address is the package version that first defined the type
 * @param bcs the event struct's BCS ({@code Event.contents}); not copied, treat as read-only
 */
public record ChainEvent(int eventIndex, SuiAddress packageId, String module, SuiAddress sender, String type,
        byte[] bcs) {

    public ChainEvent {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(bcs, "bcs");
    }

    /** The same event in the JSON-RPC shape (no {@code parsedJson}), for code written against it. */
    public SuiEvent toSuiEvent(String txDigest, OptionalLong timestampMs) {
        return new SuiEvent(new EventId(txDigest, eventIndex), packageId, module, sender, type,
                Optional.empty(), bcs, timestampMs);
    }
}
