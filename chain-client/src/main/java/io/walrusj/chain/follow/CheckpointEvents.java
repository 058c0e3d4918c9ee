package io.walrusj.chain.follow;

import io.walrusj.chain.grpc.ChainEvent;
import io.walrusj.chain.grpc.CheckpointData;
import io.walrusj.chain.grpc.ExecutedTx;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.chain.rpc.EventId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Takes the Walrus events out of a checkpoint: an event is Walrus' when its type is
 * {@code <p>::events::<Name>} with {@code p} one of the decoder's package IDs (the original package
 * and the defining IDs of upgrades, {@link io.walrusj.chain.WalrusNetwork#eventPackageIds()}). The
 * emitting {@code package_id} is not looked at: it is the package version that was called, while
 * the type names the version that defined it. Other events (other packages, other modules,
 * unparseable type tags) are skipped; a Walrus event that does not decode throws.
 */
final class CheckpointEvents {

    private final WalrusEvents decoder;

    CheckpointEvents(WalrusEvents decoder) {
        this.decoder = decoder;
    }

    WalrusEvents decoder() {
        return decoder;
    }

    /**
     * The Walrus events of {@code c} after {@code done} (null: all), with their position among all
     * events of the checkpoint.
     *
     * @throws WalrusDecodeException for a Walrus event type whose BCS does not decode
     */
    List<WalrusEventEnvelope> walrusEvents(CheckpointData c, CheckpointCursor done) {
        List<WalrusEventEnvelope> out = new ArrayList<>();
        OptionalLong checkpoint = OptionalLong.of(c.sequenceNumber());
        OptionalLong timestampMs = OptionalLong.of(c.timestamp().toEpochMilli());
        int position = 0;
        for (ExecutedTx tx : c.transactions()) {
            for (ChainEvent e : tx.events()) {
                int p = position++;
                if (!isWalrus(e.type()) || (done != null && done.covers(c.sequenceNumber(), p))) {
                    continue;
                }
                out.add(new WalrusEventEnvelope(new EventId(tx.digest(), e.eventIndex()), checkpoint, timestampMs,
                        e.sender(), e.type(), decoder.decode(e.type(), e.bcs()), OptionalInt.of(p)));
            }
        }
        return out;
    }

    private boolean isWalrus(String type) {
        WalrusEvents.TypeTag tag;
        try {
            tag = WalrusEvents.TypeTag.parse(type);
        } catch (WalrusDecodeException e) {
            return false; // not a Move struct tag we could own
        }
        return WalrusEvents.MODULE.equals(tag.module()) && decoder.packageIds().contains(tag.packageId());
    }
}
