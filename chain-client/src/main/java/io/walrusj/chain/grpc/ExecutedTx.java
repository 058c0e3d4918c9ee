package io.walrusj.chain.grpc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A transaction of a checkpoint, or one read with {@code GetTransaction}.
 *
 * @param digest Base58 transaction digest
 * @param checkpoint the checkpoint that includes it (empty only if the server did not say)
 * @param timestamp that checkpoint's timestamp (empty only if the server did not say)
 * @param indexInCheckpoint position in the checkpoint, -1 if not known
 * @param events in emission order (the index is the JSON-RPC {@code eventSeq}); empty if none
 */
public record ExecutedTx(String digest, OptionalLong checkpoint, Optional<Instant> timestamp, long indexInCheckpoint,
        List<ChainEvent> events) {

    public ExecutedTx {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(timestamp, "timestamp");
        events = List.copyOf(events);
    }
}
