package io.walrusj.storage.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.EncodingType;
import io.walrusj.core.metadata.SliverPairMetadata;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.RocksSliverStore;
import io.walrusj.storage.store.StoreMetrics;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.NodeState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blob sync of an inconsistently encoded blob ends with a stored, verifiable inconsistency proof. */
class InconsistentBlobSyncTest {
    static final EncodingConfig CONFIG = new EncodingConfig(10);

    @TempDir
    Path dir;

    @Test
    void recoveringFromAForgedRowStoresAnInconsistencyProof() throws Exception {
        byte[] data = new byte[1200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        EncodedBlob honest = new BlobEncoder(CONFIG).encode(data);
        SliverData row0 = honest.primarySlivers().getFirst();
        byte[] forged = row0.data().clone();
        forged[1] ^= 0x7F;
        SliverData forgedRow0 = new SliverData(SliverType.PRIMARY, 0, row0.symbolSize(), forged);
        List<SliverPairMetadata> hashes = new ArrayList<>(honest.metadata().metadata().hashes());
        hashes.set(0, new SliverPairMetadata(new SliverExpander(CONFIG, row0.symbolSize()).root(forgedRow0),
                hashes.getFirst().secondaryHash()));
        BlobMetadata lying = new BlobMetadata(EncodingType.RS2, honest.metadata().metadata().unencodedLength(), hashes);
        BlobId id = lying.computeBlobId();
        int offset = id.rotationOffset(10);
        // owns pairs 0-3 (rows 0-3 stored: exactly p = 4 local symbols per column) and pair 9 (column 0 missing)
        Set<Integer> owned = Stream.of(0, 1, 2, 3, 9).map(p -> CONFIG.shardForPair(p, offset)).collect(Collectors.toSet());
        NodeState state = new NodeState(10);
        state.set(new NodeState.Snapshot(1, 10, owned, true, Map.of(FakeSuiChain.addr(0x01), List.copyOf(owned))));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(registry))) {
            EventId event = new EventId(Base58.encode(new byte[32]), 0);
            BlobInfo info = BlobInfo.EMPTY.withObject(FakeSuiChain.addr(0x02),
                    new BlobInfo.BlobObject(false, 5, OptionalLong.of(1), event));
            store.commitEvents(Map.of(id, info), io.walrusj.chain.follow.CheckpointCursor.endOf(1));
            store.putMetadata(id, lying);
            store.putSliver(id, 0, forgedRow0);
            for (int p = 1; p < 4; p++) {
                store.putSliver(id, p, honest.primarySlivers().get(p));
            }
            // no peer is reachable: the node's own rows 0-3 (p = 4) are all the symbols there are
            BlobHealer healer = new BlobHealer(store, state, new PeerResolver(Map.of()), (node, blob) -> {
                throw new AssertionError("no metadata request expected");
            }, (node, blob, ids, axis) -> {
                throw new AssertionError("no symbol request expected");
            }, new SymbolSourceCache(8), Optional.empty(), 4, registry);
            BlobSyncer syncer = new BlobSyncer(store, state, healer, new HealSettings(1, 1, Duration.ofMillis(10)),
                    InconsistentBlobHandler.NONE, registry);
            try {
                assertThat(syncer.syncOnce(id)).isEqualTo(SyncResult.INCONSISTENT);
                InconsistencyProof proof = store.getInconsistencyProof(id).orElseThrow();
                assertThat(proof.targetType()).isEqualTo(SliverType.SECONDARY);
                proof.verify(CONFIG, lying);
                // marked: a later run does nothing
                assertThat(syncer.syncOnce(id)).isEqualTo(SyncResult.NOTHING_TO_DO);
            } finally {
                syncer.close();
            }
        }
    }
}
