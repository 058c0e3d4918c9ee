package io.walrusj.chain.grpc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A checkpoint as read with {@link ReadMasks#CHECKPOINT}: sequence number, digest, summary
 * timestamp and epoch, and its transactions (in execution order) with their events.
 */
public record CheckpointData(long sequenceNumber, String digest, Instant timestamp, OptionalLong epoch,
        List<ExecutedTx> transactions) {

    public CheckpointData {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(epoch, "epoch");
        transactions = List.copyOf(transactions);
    }

    /** Number of events over all transactions. */
    public int eventCount() {
        return transactions.stream().mapToInt(t -> t.events().size()).sum();
    }
}
