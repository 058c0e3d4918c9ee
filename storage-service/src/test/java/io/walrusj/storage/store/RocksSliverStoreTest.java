package io.walrusj.storage.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.BlobInfo.BlobObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksSliverStoreTest {
    static final EncodingConfig CONFIG = new EncodingConfig(10);

    @TempDir
    Path dir;

    static EncodedBlob blob(int seed) {
        byte[] data = new byte[1000 + seed];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + seed);
        }
        return new BlobEncoder(CONFIG).encode(data);
    }

    @Test
    void metadataAndSliversRoundTripAndSurviveReopen() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EncodedBlob b = blob(1);
        BlobId id = b.blobId();
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(registry))) {
            assertThat(store.getMetadata(id)).isEmpty();
            assertThat(store.hasMetadata(id)).isFalse();
            store.putMetadata(id, b.metadata().metadata());
            store.putSliver(id, 3, b.pair(3).primary());
            store.putSliver(id, 3, b.pair(3).secondary());
            assertThat(store.hasSliver(id, 4, SliverType.PRIMARY)).isFalse();
        }
        assertThat(registry.get("walrus.store.writes").tag("kind", "metadata").counter().count()).isEqualTo(1);
        assertThat(registry.get("walrus.store.writes").tag("kind", "primary").counter().count()).isEqualTo(1);
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(new SimpleMeterRegistry()))) {
            assertThat(store.getMetadata(id)).contains(b.metadata().metadata());
            assertThat(store.hasMetadata(id)).isTrue();
            assertThat(store.getSliver(id, 3, SliverType.PRIMARY)).contains(b.pair(3).primary());
            assertThat(store.getSliver(id, 3, SliverType.SECONDARY)).contains(b.pair(3).secondary());
            assertThat(store.hasSliver(id, 3, SliverType.SECONDARY)).isTrue();
            assertThat(store.getSliver(id, 2, SliverType.PRIMARY)).isEmpty();
            assertThat(store.getSliver(blob(2).blobId(), 3, SliverType.PRIMARY)).isEmpty();
        }
    }

    @Test
    void blobInfoAndCursorCommitTogetherAndSurviveReopen() {
        BlobId a = blob(1).blobId();
        BlobId c = blob(2).blobId();
        SuiAddress obj = SuiAddress.of(filled(0x2a));
        EventId e1 = new EventId("4vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi", 0);
        EventId e2 = new EventId("8vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi", 3);
        BlobInfo infoA = BlobInfo.EMPTY.withObject(obj, new BlobObject(true, 12, OptionalLong.of(4), e1));
        BlobInfo infoC = BlobInfo.EMPTY.withInvalid(e2);
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(new SimpleMeterRegistry()))) {
            assertThat(store.loadCheckpointCursor()).isEmpty();
            store.commitEvents(Map.of(a, infoA), CheckpointCursor.at(41, 2));
            store.commitEvents(Map.of(c, infoC), CheckpointCursor.endOf(42));
        }
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(new SimpleMeterRegistry()))) {
            assertThat(store.loadCheckpointCursor()).contains(CheckpointCursor.endOf(42));
            assertThat(store.loadEventCursor()).as("the legacy cursor is a key of its own").isEmpty();
            assertThat(store.getBlobInfo(a)).contains(infoA);
            assertThat(store.getBlobInfo(c)).contains(infoC);
            assertThat(store.getBlobInfo(a).orElseThrow().registeredAt(11)).isTrue();
            assertThat(store.getBlobInfo(a).orElseThrow().registeredAt(12)).isFalse();
            assertThat(store.getBlobInfo(blob(3).blobId())).isEmpty();
        }
    }

    @Test
    void legacyEventCursorCommitsWithBlobInfos() {
        BlobId a = blob(1).blobId();
        EventId e = new EventId("8vJ9JU1bJJE96FWSJKvHsmmFADCg4gpZQff4P3bkLKi", 3);
        BlobInfo info = BlobInfo.EMPTY.withInvalid(e);
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(new SimpleMeterRegistry()))) {
            store.commitEvents(Map.of(a, info), e);
        }
        try (RocksSliverStore store = new RocksSliverStore(dir, new StoreMetrics(new SimpleMeterRegistry()))) {
            assertThat(store.loadEventCursor()).contains(e);
            assertThat(store.loadCheckpointCursor()).isEmpty();
            assertThat(store.getBlobInfo(a)).contains(info);
        }
    }

    @Test
    void blobInfoBcsRoundTrip() {
        EventId e = new EventId("digest", Long.MAX_VALUE);
        BlobInfo info = BlobInfo.EMPTY
                .withObject(SuiAddress.of(filled(1)), new BlobObject(false, 99, OptionalLong.empty(), e))
                .withObject(SuiAddress.of(filled(2)), new BlobObject(true, 7, OptionalLong.of(3), e))
                .withInvalid(e);
        assertThat(BlobInfo.fromBcs(info.toBcs())).isEqualTo(info);
        assertThat(info.withoutObject(SuiAddress.of(filled(1))).objects()).hasSize(1);
    }

    static byte[] filled(int b) {
        byte[] a = new byte[32];
        Arrays.fill(a, (byte) b);
        return a;
    }
}
