package io.walrusj.storage.sync;

import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.grpc.ExecutedTx;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The follower's cursor in the node's store. chain-client's {@code WalrusFollower} speaks text
 * ({@code checkpoint:<seq>[:<position>]} over gRPC, {@code event:<txDigest>:<eventSeq>} legacy); the
 * store keeps them typed under their own keys ({@link SliverStore#loadCheckpointCursor},
 * {@link SliverStore#loadEventCursor}).
 *
 * <p>Migration: over gRPC, a store with an event cursor but no checkpoint cursor (a node of an
 * earlier version, or switched from {@code jsonrpc}) resumes with checkpoint {@code c}, the
 * checkpoint of that cursor's transaction ({@code GetTransaction}), or 0 if the chain no longer has
 * it. Events of the re-read checkpoints are applied again, which leaves the blob infos as they were
 * ({@link BatchEffects}).
 */
final class StoredCursor {
    private static final Logger LOG = LoggerFactory.getLogger(StoredCursor.class);
    static final String CHECKPOINT = "checkpoint:";
    static final String EVENT = "event:";

    private final SliverStore store;
    private final boolean grpc;
    private final Optional<CheckpointCursor> migrated;

    private StoredCursor(SliverStore store, boolean grpc, Optional<CheckpointCursor> migrated) {
        this.store = store;
        this.grpc = grpc;
        this.migrated = migrated;
    }

    /** Reads the store (and, to migrate a legacy cursor, the chain once). */
    static StoredCursor open(SliverStore store, ChainSettings settings) {
        boolean grpc = settings.transport() == ChainSettings.Transport.GRPC;
        Optional<EventId> legacy = store.loadEventCursor();
        if (!grpc || store.loadCheckpointCursor().isPresent() || legacy.isEmpty()) {
            return new StoredCursor(store, grpc, Optional.empty());
        }
        long start;
        String url = settings.rpcUrl().toString().replaceAll("/$", "");
        try (SuiGrpcClient sui = SuiGrpcClient.builder(url).connectTimeout(settings.connectTimeout())
                .callTimeout(settings.requestTimeout()).build()) {
            Optional<ExecutedTx> tx = sui.getTransaction(legacy.get().txDigest());
            start = tx.map(t -> t.checkpoint().orElse(0)).orElse(0L);
            LOG.info("no checkpoint cursor yet: the legacy event cursor {} {}, following from checkpoint {}", legacy.get(),
                    tx.isPresent() ? "is in checkpoint " + start : "is not on this chain (any more)", start);
        }
        return new StoredCursor(store, true, start == 0 ? Optional.empty() : Optional.of(CheckpointCursor.endOf(start - 1)));
    }

    /** The cursor text for the follower (empty: from the start). */
    Optional<String> load() {
        if (grpc) {
            return store.loadCheckpointCursor().or(() -> migrated).map(c -> CHECKPOINT + c);
        }
        return store.loadEventCursor().map(e -> EVENT + e);
    }

    /** The changed blob infos and the follower's new cursor, in one synced batch. */
    void commit(Map<BlobId, BlobInfo> changed, String cursor) {
        if (cursor.startsWith(CHECKPOINT)) {
            store.commitEvents(changed, CheckpointCursor.parse(cursor.substring(CHECKPOINT.length())));
        } else if (cursor.startsWith(EVENT)) {
            store.commitEvents(changed, EventId.parse(cursor.substring(EVENT.length())));
        } else {
            throw new IllegalArgumentException("unknown follower cursor '" + cursor + "'");
        }
    }

    @Override
    public String toString() {
        return load().orElse("the start");
    }
}
