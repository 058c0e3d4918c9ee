package io.walrusj.chain.follow;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A decoded Walrus event with where and when it happened.
 *
 * @param id the Sui event ID (transaction digest + index of the event within the transaction)
 * @param checkpoint the checkpoint sequence number; set by {@link CheckpointFollower}, always empty
 *     from {@link EventFollower} ({@code suix_queryEvents} does not report it)
 * @param timestampMs the checkpoint timestamp in ms since the Unix epoch, if reported
 * @param sender the address that sent the transaction
 * @param type the full Move type tag, e.g. {@code 0x..::events::BlobCertified}
 * @param event the decoded event
 * @param position the index of the event among all events of its checkpoint (see
 *     {@link CheckpointCursor}); set by {@link CheckpointFollower}, empty from {@link EventFollower}
 */
public record WalrusEventEnvelope(
        EventId id,
        OptionalLong checkpoint,
        OptionalLong timestampMs,
        SuiAddress sender,
        String type,
        WalrusEvent event,
        OptionalInt position) {

    public WalrusEventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(timestampMs, "timestampMs");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(position, "position");
        if (position.isPresent() && checkpoint.isEmpty()) {
            throw new IllegalArgumentException("a position needs a checkpoint");
        }
    }

    /** An event without a position in a checkpoint (as {@link EventFollower} reads them). */
    public WalrusEventEnvelope(EventId id, OptionalLong checkpoint, OptionalLong timestampMs, SuiAddress sender,
            String type, WalrusEvent event) {
        this(id, checkpoint, timestampMs, sender, type, event, OptionalInt.empty());
    }

    /** The transaction digest (Base58). */
    public String txDigest() {
        return id.txDigest();
    }

    /** The event's own position as a cursor (committing it means: up to and including this event). */
    public Optional<CheckpointCursor> cursor() {
        return position.isPresent()
                ? Optional.of(CheckpointCursor.at(checkpoint.getAsLong(), position.getAsInt()))
                : Optional.empty();
    }
}
