package io.walrusj.storage.api;

import static io.walrusj.storage.api.StorageNodeApiTest.assertError;
import static io.walrusj.storage.api.StorageNodeApiTest.assertSuccess;
import static io.walrusj.storage.api.StorageNodeApiTest.json;
import static io.walrusj.storage.api.StorageNodeApiTest.metadataPath;
import static io.walrusj.storage.api.StorageNodeApiTest.ownedPairs;
import static io.walrusj.storage.api.StorageNodeApiTest.sliverPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.pending.PendingUploads;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code ?pending=true} uploads (spec 4.1, 4.2) with a small buffer: 20 items, 3 s timeout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PendingUploadApiTest {
    static final int N = StorageNodeApiTest.N;
    static final long EPOCH = StorageNodeApiTest.EPOCH;
    static final SuiAddress NODE = StorageNodeApiTest.NODE;
    static final FakeSuiChain CHAIN = NodeChain.start(N, EPOCH,
            Map.of(NODE, StorageNodeApiTest.OWNED, StorageNodeApiTest.OTHER, List.of(7, 8, 9)));
    static final AtomicInteger SEED = new AtomicInteger(1000);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int MAX_ENTRIES = 20;
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "pending-upload-test");
        r.add("storage.pending-max-entries", () -> MAX_ENTRIES);
        r.add("storage.pending-timeout", () -> TIMEOUT.toMillis() + "ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    SliverStore store;
    @Autowired
    NodeState state;
    @Autowired
    PendingUploads pending;

    @BeforeEach
    void chainRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.get().fromChain());
        // every test leaves the buffer empty (flushed or expired)
        await().atMost(TIMEOUT.plusSeconds(2)).until(() -> pending.usage()[0] == 0);
    }

    static EncodedBlob newBlob() {
        int seed = SEED.incrementAndGet();
        byte[] data = new byte[2000 + seed * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + seed * 7);
        }
        return new BlobEncoder(StorageNodeApiTest.CONFIG).encode(data);
    }

    void register(EncodedBlob b, SuiAddress object) {
        CHAIN.emit(new WalrusEvent.BlobRegistered(EPOCH, b.blobId(), b.metadata().metadata().unencodedLength(), 1,
                EPOCH + 5, false, object));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(b.blobId())
                .map(i -> i.objects().containsKey(object)).orElse(false));
    }

    HttpResponse<byte[]> send(String method, String path, byte[] body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (body != null) {
            rb.header("Content-Type", "application/octet-stream");
        }
        rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    String status(String path) {
        HttpResponse<byte[]> r = send("GET", path + "/status", null);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return json(r).get("success").get("data").stringValue();
    }

    HttpResponse<byte[]> putPending(String path, byte[] body) {
        return send("PUT", path + "?pending=true", body);
    }

    static SliverData tampered(SliverData good) {
        byte[] data = good.data().clone();
        data[0] ^= 1;
        return new SliverData(good.type(), good.index(), good.symbolSize(), data);
    }

    @Test
    void bufferedThenRegisteredIsStoredAndReadable() {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        byte[] metadata = b.metadata().metadata().toBcs();
        assertSuccess(putPending(metadataPath(id), metadata), 202, "metadata buffered pending registration");
        assertSuccess(putPending(metadataPath(id), metadata), 200, "metadata already stored");
        assertThat(status(metadataPath(id))).isEqualTo("nonexistent"); // metadata never reports buffered
        // spec 4.1: "already stored (or already pending)" -> 200, with or without the flag
        assertSuccess(send("PUT", metadataPath(id), metadata), 200, "metadata already stored");
        int first = ownedPairs(id).getFirst();
        assertError(send("PUT", sliverPath(id, first, SliverType.PRIMARY), b.pair(first).primary().toBcs()), 400,
                "FAILED_PRECONDITION", "METADATA_NOT_FOUND");
        for (int p : ownedPairs(id)) {
            assertSuccess(putPending(sliverPath(id, p, SliverType.PRIMARY), b.pair(p).primary().toBcs()), 202,
                    "sliver buffered pending registration");
            assertSuccess(putPending(sliverPath(id, p, SliverType.SECONDARY), b.pair(p).secondary().toBcs()), 202,
                    "sliver buffered pending registration");
        }
        assertSuccess(putPending(sliverPath(id, first, SliverType.PRIMARY), b.pair(first).primary().toBcs()), 200,
                "sliver already stored");
        assertThat(status(sliverPath(id, first, SliverType.PRIMARY))).isEqualTo("buffered");
        assertError(send("GET", "/v1/blobs/" + id + "/confirmation/permanent", null), 400, "FAILED_PRECONDITION",
                "NOT_REGISTERED");

        register(b, FakeSuiChain.addr(0x71));
        await().atMost(Duration.ofSeconds(10)).until(() -> ownedPairs(id).stream().allMatch(p ->
                status(sliverPath(id, p, SliverType.PRIMARY)).equals("stored")
                        && status(sliverPath(id, p, SliverType.SECONDARY)).equals("stored")));
        assertThat(status(metadataPath(id))).isEqualTo("stored");
        assertThat(send("GET", metadataPath(id), null).body()).isEqualTo(new BlobMetadataWithId(id, b.metadata().metadata()).toBcs());
        for (int p : ownedPairs(id)) {
            assertThat(send("GET", sliverPath(id, p, SliverType.PRIMARY), null).body()).isEqualTo(b.pair(p).primary().toBcs());
            assertThat(send("GET", sliverPath(id, p, SliverType.SECONDARY), null).body()).isEqualTo(b.pair(p).secondary().toBcs());
        }
        assertThat(send("GET", "/v1/blobs/" + id + "/confirmation/permanent", null).statusCode()).isEqualTo(200);
        assertThat(pending.usage()[0]).isZero();
    }

    @Test
    void aSliverThatDoesNotMatchTheBufferedMetadataIsRefusedAndNotBuffered() {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        int p = ownedPairs(id).getFirst();
        byte[] metadata = b.metadata().metadata().toBcs();
        assertSuccess(putPending(metadataPath(id), metadata), 202, "metadata buffered pending registration");
        // slivers are checked against the buffered metadata before they are buffered: a flipped bit
        // (Merkle root), and the probe's garbage (symbol size 65534 where the metadata says otherwise)
        assertError(putPending(sliverPath(id, p, SliverType.PRIMARY), tampered(b.pair(p).primary()).toBcs()), 400,
                "INVALID_ARGUMENT", "INVALID_SLIVER");
        SliverData garbage = new SliverData(SliverType.PRIMARY, p, 65534, new byte[4 * 65534]);
        for (int i = 0; i < 3; i++) {
            assertError(putPending(sliverPath(id, p, SliverType.PRIMARY), garbage.toBcs()), 400, "INVALID_ARGUMENT",
                    "INVALID_SLIVER");
        }
        assertThat(status(sliverPath(id, p, SliverType.PRIMARY))).isEqualTo("nonexistent");
        assertThat(pending.usage()).containsExactly(1, metadata.length);
        assertSuccess(putPending(sliverPath(id, p, SliverType.SECONDARY), b.pair(p).secondary().toBcs()), 202,
                "sliver buffered pending registration");
        register(b, FakeSuiChain.addr(0x72));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(sliverPath(id, p, SliverType.SECONDARY)).equals("stored"));
        assertThat(status(metadataPath(id))).isEqualTo("stored");
        assertThat(store.hasSliver(id, p, SliverType.PRIMARY)).isFalse();
        // the valid sliver is accepted now, directly
        assertSuccess(send("PUT", sliverPath(id, p, SliverType.PRIMARY), b.pair(p).primary().toBcs()), 201,
                "sliver stored successfully");
    }

    @Test
    void invalidBufferedMetadataIsRefusedUpFront() {
        EncodedBlob b = newBlob();
        EncodedBlob other = newBlob();
        // metadata is verified against the blob id before buffering (spec 4.1 order)
        assertError(putPending(metadataPath(b.blobId()), other.metadata().metadata().toBcs()), 400, "INVALID_ARGUMENT",
                "INVALID_METADATA");
        assertThat(pending.usage()[0]).isZero();
    }

    @Test
    void saturationThenExpiry() {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        assertSuccess(putPending(metadataPath(id), b.metadata().metadata().toBcs()), 202, "metadata buffered pending registration");
        int items = 1;
        HttpResponse<byte[]> last = null;
        outer:
        for (int p : ownedPairs(id)) {
            for (SliverType t : List.of(SliverType.PRIMARY, SliverType.SECONDARY)) {
                SliverData s = t == SliverType.PRIMARY ? b.pair(p).primary() : b.pair(p).secondary();
                last = putPending(sliverPath(id, p, t), s.toBcs());
                if (items == MAX_ENTRIES) {
                    break outer;
                }
                assertSuccess(last, 202, "sliver buffered pending registration");
                items++;
            }
        }
        if (items < MAX_ENTRIES) { // fill with a second blob
            EncodedBlob c = newBlob();
            last = putPending(metadataPath(c.blobId()), c.metadata().metadata().toBcs());
            items++;
            for (int p : ownedPairs(c.blobId())) {
                if (items == MAX_ENTRIES) {
                    last = putPending(sliverPath(c.blobId(), p, SliverType.PRIMARY), c.pair(p).primary().toBcs());
                    break;
                }
                assertThat(last.statusCode()).isEqualTo(202);
                last = putPending(sliverPath(c.blobId(), p, SliverType.PRIMARY), c.pair(p).primary().toBcs());
                items++;
            }
        }
        assertThat(pending.usage()[0]).isEqualTo(MAX_ENTRIES);
        assertError(last, 400, "FAILED_PRECONDITION", "CACHE_SATURATED");
        assertError(putPending(metadataPath(newBlob().blobId()), newBlob().metadata().metadata().toBcs()), 400,
                "INVALID_ARGUMENT", "INVALID_METADATA"); // verification comes first
        EncodedBlob d = newBlob();
        assertError(putPending(metadataPath(d.blobId()), d.metadata().metadata().toBcs()), 400, "FAILED_PRECONDITION",
                "CACHE_SATURATED");

        // expiry: everything is dropped after the timeout; a later registration stores nothing
        int p0 = ownedPairs(id).getFirst();
        assertThat(status(sliverPath(id, p0, SliverType.PRIMARY))).isEqualTo("buffered");
        await().atMost(TIMEOUT.plusSeconds(3)).until(() -> pending.usage()[0] == 0);
        assertThat(status(sliverPath(id, p0, SliverType.PRIMARY))).isEqualTo("nonexistent");
        register(b, FakeSuiChain.addr(0x73));
        // a flush of the registered blob (serialised with the one the event would have started) finds
        // nothing to persist; had the entry survived, either this flush or the event's would store it
        assertThat(pending.flush(id)).isZero();
        assertThat(status(metadataPath(id))).isEqualTo("nonexistent");
        assertThat(store.hasSliver(id, p0, SliverType.PRIMARY)).isFalse();
        // room again
        assertSuccess(putPending(metadataPath(d.blobId()), d.metadata().metadata().toBcs()), 202,
                "metadata buffered pending registration");
        await().atMost(TIMEOUT.plusSeconds(3)).until(() -> pending.usage()[0] == 0);
    }
}
