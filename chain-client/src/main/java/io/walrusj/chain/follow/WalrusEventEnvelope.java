package io.walrusj.chain.follow;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A decoded Walrus event with where and when it happened.
 *
 * @param id the Sui event ID (transaction digest + index), also the cursor position
 * @param checkpoint the checkpoint sequence number, when the source knows it;
 *     {@code suix_queryEvents} does not report it, so it is empty for events read that way
 * @param timestampMs the checkpoint timestamp in ms since the Unix epoch, if reported
 * @param sender the address that sent the transaction
 * @param type the full Move type tag, e.g. {@code 0x..::events::BlobCertified}
 * @param event the decoded event
 */
public record WalrusEventEnvelope(
        EventId id,
        OptionalLong checkpoint,
        OptionalLong timestampMs,
        SuiAddress sender,
        String type,
        WalrusEvent event) {

    public WalrusEventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(timestampMs, "timestampMs");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
    }

    /** The transaction digest (Base58). */
    public String txDigest() {
        return id.txDigest();
    }
}
