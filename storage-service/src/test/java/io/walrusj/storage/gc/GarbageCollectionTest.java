package io.walrusj.storage.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Data of deleted, invalid and expired blobs is removed; data of live blobs stays. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GarbageCollectionTest {
    static final int N = 10;
    static final long EPOCH = 4;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final SuiAddress NODE = FakeSuiChain.addr(0x0e);
    static final List<Integer> OWNED = List.of(0, 1, 2, 3, 4, 5, 6);
    static final Map<SuiAddress, List<Integer>> COMMITTEE = Map.of(NODE, OWNED, FakeSuiChain.addr(0x0f), List.of(7, 8, 9));
    static final FakeSuiChain CHAIN = NodeChain.start(N, EPOCH, COMMITTEE);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int objects = 0x30;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "storage-gc-test");
    }

    @LocalServerPort
    int port;
    @Autowired
    SliverStore store;
    @Autowired
    NodeState state;
    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void chainRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.get().fromChain());
    }

    static EncodedBlob blob(int seed) {
        byte[] data = new byte[1500 + seed];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 11 + seed * 3);
        }
        return new BlobEncoder(CONFIG).encode(data);
    }

    SuiAddress register(EncodedBlob b, long endEpoch) {
        SuiAddress object = FakeSuiChain.addr(objects++);
        CHAIN.emit(new WalrusEvent.BlobRegistered(state.get().epoch(), b.blobId(), b.metadata().metadata().unencodedLength(), 1,
                endEpoch, false, object));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(b.blobId())
                .map(i -> i.objects().containsKey(object)).orElse(false));
        return object;
    }

    int put(String path, byte[] body) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    List<Integer> ownedPairs(BlobId id) {
        int offset = id.rotationOffset(N);
        return IntStream.range(0, N).filter(p -> OWNED.contains(CONFIG.shardForPair(p, offset))).boxed().toList();
    }

    void upload(EncodedBlob b) {
        BlobId id = b.blobId();
        assertThat(put("/v1/blobs/" + id + "/metadata", b.metadata().metadata().toBcs())).isEqualTo(201);
        for (int p : ownedPairs(id)) {
            assertThat(put("/v1/blobs/" + id + "/slivers/" + p + "/primary", b.pair(p).primary().toBcs())).isEqualTo(201);
            assertThat(put("/v1/blobs/" + id + "/slivers/" + p + "/secondary", b.pair(p).secondary().toBcs())).isEqualTo(201);
        }
    }

    boolean hasAnyData(BlobId id) {
        return store.hasMetadata(id) || ownedPairs(id).stream().anyMatch(p ->
                store.hasSliver(id, p, SliverType.PRIMARY) || store.hasSliver(id, p, SliverType.SECONDARY));
    }

    boolean hasAllData(BlobId id) {
        return store.hasMetadata(id) && ownedPairs(id).stream().allMatch(p ->
                store.hasSliver(id, p, SliverType.PRIMARY) && store.hasSliver(id, p, SliverType.SECONDARY));
    }

    void awaitGone(BlobId id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !hasAnyData(id));
    }

    @Test
    void deletedInvalidAndExpiredBlobsLoseTheirData() {
        EncodedBlob deleted = blob(1);
        SuiAddress deletedObject = register(deleted, EPOCH + 5);
        upload(deleted);
        EncodedBlob twoObjects = blob(2);
        SuiAddress first = register(twoObjects, EPOCH + 5);
        register(twoObjects, EPOCH + 5);
        upload(twoObjects);
        EncodedBlob invalid = blob(3);
        register(invalid, EPOCH + 5);
        upload(invalid);
        EncodedBlob expiring = blob(4);
        register(expiring, EPOCH + 1);
        upload(expiring);
        EncodedBlob live = blob(5);
        register(live, EPOCH + 2);
        upload(live);

        // the last live object deleted -> data gone; one of two objects deleted -> data stays
        CHAIN.emit(new WalrusEvent.BlobDeleted(EPOCH, deleted.blobId(), EPOCH + 5, deletedObject, false));
        CHAIN.emit(new WalrusEvent.BlobDeleted(EPOCH, twoObjects.blobId(), EPOCH + 5, first, false));
        awaitGone(deleted.blobId());
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(twoObjects.blobId())
                .map(i -> i.objects().size() == 1).orElse(false));
        assertThat(hasAllData(twoObjects.blobId())).isTrue();

        CHAIN.emit(new WalrusEvent.InvalidBlobId(EPOCH, invalid.blobId()));
        awaitGone(invalid.blobId());
        assertThat(store.getBlobInfo(invalid.blobId()).orElseThrow().invalid()).isTrue();

        // epoch EPOCH + 1: `expiring` (end epoch EPOCH + 1, exclusive) is gone, the others stay
        CHAIN.committee(EPOCH + 1, COMMITTEE);
        CHAIN.emit(new WalrusEvent.EpochChangeStart(EPOCH + 1));
        CHAIN.emit(new WalrusEvent.EpochChangeDone(EPOCH + 1));
        awaitGone(expiring.blobId());
        assertThat(state.get().epoch()).isEqualTo(EPOCH + 1);
        assertThat(hasAllData(live.blobId())).isTrue();
        assertThat(hasAllData(twoObjects.blobId())).isTrue();
        assertThat(registry.counter("walrus.gc.blobs", "reason", "deleted").count()).isEqualTo(1.0);
        assertThat(registry.counter("walrus.gc.blobs", "reason", "invalid").count()).isEqualTo(1.0);
        assertThat(registry.counter("walrus.gc.blobs", "reason", "expired").count()).isEqualTo(1.0);

        // a rescan finds nothing more to delete
        assertThat(new GarbageCollector(store, state, new io.walrusj.storage.symbols.SymbolSourceCache(4), registry)
                .scan(EPOCH + 1)).isZero();
    }
}
