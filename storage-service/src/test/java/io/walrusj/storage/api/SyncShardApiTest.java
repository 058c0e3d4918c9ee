package io.walrusj.storage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.crypto.SyncShardMessage;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/migrate/sync_shard} (spec 6.4): the node held shards 0-8 in the previous epoch and
 * holds 0-5 now; the requester owns 6-9 now. Pages of shard 6's slivers, and every check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SyncShardApiTest {
    static final int N = 10;
    static final long EPOCH = 4;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final SuiAddress NODE = FakeSuiChain.addr(0x0e);
    static final SuiAddress REQUESTER = FakeSuiChain.addr(0x0f);
    static final BlsKeyPair NODE_KEY = BlsKeyPair.generate(new SecureRandom());
    static final BlsKeyPair REQUESTER_KEY = BlsKeyPair.generate(new SecureRandom());
    static final FakeSuiChain CHAIN = NodeChain.start(N, EPOCH, Map.of(NODE, List.of(0, 1, 2, 3, 4, 5),
            REQUESTER, List.of(6, 7, 8, 9)));
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final int SHARD = 6;

    static {
        CHAIN.previousCommittee(Map.of(NODE, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), FakeSuiChain.addr(0x10), List.of(9)));
        CHAIN.protocolKey(NODE, NODE_KEY.publicKey());
        CHAIN.protocolKey(REQUESTER, REQUESTER_KEY.publicKey());
    }

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "storage-sync-shard-test");
        Path key = Files.createTempFile("sync-shard-node", ".key");
        Files.writeString(key, Base64.getEncoder().encodeToString(NODE_KEY.secretKeyBytes()));
        r.add("storage.bls-key-file", key::toString);
        r.add("storage.sync-shard-max-slivers", () -> "50");
    }

    @LocalServerPort
    int port;
    @Autowired
    SliverStore store;
    @Autowired
    NodeState state;

    static boolean blobsStored;
    static List<EncodedBlob> served;

    @BeforeEach
    void setUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.get().signing().isPresent());
        if (!blobsStored) {
            served = storeBlobs();
            blobsStored = true;
        }
    }

    static int objects = 0x40;

    /** Five blobs with shard 6's slivers stored; three of them are served. Returns those, in blob-id byte order. */
    List<EncodedBlob> storeBlobs() {
        List<EncodedBlob> servedBlobs = new ArrayList<>();
        BlobId invalid = null;
        for (int i = 0; i < 5; i++) {
            byte[] data = new byte[1500 + i];
            Arrays.fill(data, (byte) (i + 1));
            EncodedBlob b = new BlobEncoder(CONFIG).encode(data);
            BlobId id = b.blobId();
            SuiAddress object = FakeSuiChain.addr(objects++);
            CHAIN.emit(new WalrusEvent.BlobRegistered(EPOCH - 1, id, data.length, 1, EPOCH + 5, false, object));
            // blob 3 is certified only in the current epoch; blob 4 is invalid
            CHAIN.emit(new WalrusEvent.BlobCertified(i == 3 ? EPOCH : EPOCH - 1, id, EPOCH + 5, false, object, false));
            if (i == 4) {
                CHAIN.emit(new WalrusEvent.InvalidBlobId(EPOCH, id));
                invalid = id;
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(id).map(info -> info.objects()
                    .get(object) != null && info.objects().get(object).certified()).orElse(false));
            int pair = CONFIG.pairForShard(SHARD, id.rotationOffset(N));
            store.putSliver(id, pair, b.pair(pair).primary());
            store.putSliver(id, pair, b.pair(pair).secondary());
            if (i < 3) {
                servedBlobs.add(b);
            }
        }
        BlobId invalidId = invalid;
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(invalidId).map(i -> i.invalid()).orElse(false));
        // a certified blob whose shard-6 sliver is missing here is skipped
        byte[] data = new byte[1700];
        EncodedBlob missing = new BlobEncoder(CONFIG).encode(data);
        SuiAddress object = FakeSuiChain.addr(objects++);
        CHAIN.emit(new WalrusEvent.BlobRegistered(EPOCH - 1, missing.blobId(), data.length, 1, EPOCH + 5, false, object));
        CHAIN.emit(new WalrusEvent.BlobCertified(EPOCH - 1, missing.blobId(), EPOCH + 5, false, object, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(missing.blobId()).isPresent());
        servedBlobs.sort(Comparator.comparing(b -> b.blobId().bytes(), Arrays::compareUnsigned));
        return servedBlobs;
    }

    record Page(List<BlobId> ids, List<SliverData> slivers) {
    }

    static byte[] signedBody(byte[] message, BlsKeyPair signer) {
        return BcsWriter.encode(w -> w.bytes(message).fixedBytes(signer.sign(message).toBytes()));
    }

    HttpResponse<byte[]> post(String authorization, byte[] body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/migrate/sync_shard"))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        try {
            return HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    HttpResponse<byte[]> request(SyncShardMessage message, BlsKeyPair signer, BlsKeyPair named) {
        return post(Base64.getEncoder().encodeToString(named.publicKey().toBytes()), signedBody(message.toBytes(), signer));
    }

    HttpResponse<byte[]> request(SyncShardMessage message) {
        return request(message, REQUESTER_KEY, REQUESTER_KEY);
    }

    static Page page(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        List<BlobId> ids = new ArrayList<>();
        List<SliverData> slivers = new ArrayList<>();
        BcsReader.decode(r.body(), rd -> {
            assertThat(rd.uleb128()).isZero(); // SyncShardResponse::V1
            rd.sequence(x -> {
                ids.add(BlobId.of(x.fixedBytes(32)));
                slivers.add(SliverData.readTagged(x));
                return null;
            });
            return null;
        });
        return new Page(ids, slivers);
    }

    static String reason(HttpResponse<byte[]> r) {
        JsonNode error = Json.MAPPER.readTree(new String(r.body())).get("error");
        return error.get("details").get(0).get("reason").stringValue();
    }

    static final BlobId ZERO = BlobId.of(new byte[32]);

    @Test
    void servesTheShardsSliversOfBlobsCertifiedBeforeTheEpochInIdOrder() {
        for (SliverType type : SliverType.values()) {
            Page all = page(request(SyncShardMessage.of(EPOCH, SHARD, type, ZERO, 50)));
            assertThat(all.ids()).containsExactlyElementsOf(served.stream().map(EncodedBlob::blobId).toList());
            for (int i = 0; i < served.size(); i++) {
                EncodedBlob b = served.get(i);
                int pair = CONFIG.pairForShard(SHARD, b.blobId().rotationOffset(N));
                SliverData want = type == SliverType.PRIMARY ? b.pair(pair).primary() : b.pair(pair).secondary();
                assertThat(all.slivers().get(i).toBcs()).isEqualTo(want.toBcs());
                assertThat(all.slivers().get(i).type()).isEqualTo(type);
            }
        }
        // paging: at most sliver_count entries, the next page starts inclusively at the given id
        Page first = page(request(SyncShardMessage.of(EPOCH, SHARD, SliverType.PRIMARY, ZERO, 2)));
        assertThat(first.ids()).containsExactly(served.get(0).blobId(), served.get(1).blobId());
        Page rest = page(request(SyncShardMessage.of(EPOCH, SHARD, SliverType.PRIMARY, served.get(1).blobId(), 2)));
        assertThat(rest.ids()).containsExactly(served.get(1).blobId(), served.get(2).blobId());
    }

    @Test
    void rejectsRequestsInTheSpecsOrder() {
        SyncShardMessage ok = SyncShardMessage.of(EPOCH, SHARD, SliverType.PRIMARY, ZERO, 10);
        byte[] body = signedBody(ok.toBytes(), REQUESTER_KEY);

        HttpResponse<byte[]> noHeader = post(null, body);
        assertThat(noHeader.statusCode()).isEqualTo(401);
        assertThat(noHeader.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        HttpResponse<byte[]> badHeader = post("not a key", body);
        assertThat(badHeader.statusCode()).isEqualTo(400);
        assertThat(badHeader.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");

        assertThat(reason(post(Base64.getEncoder().encodeToString(REQUESTER_KEY.publicKey().toBytes()), new byte[] {1, 2})))
                .isEqualTo("INVALID_CONTENT_TYPE");
        BlsKeyPair stranger = BlsKeyPair.generate(new SecureRandom());
        HttpResponse<byte[]> unknown = request(ok, stranger, stranger);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(reason(unknown)).isEqualTo("REQUEST_UNAUTHORIZED");
        HttpResponse<byte[]> forged = request(ok, stranger, REQUESTER_KEY);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(reason(forged)).isEqualTo("MESSAGE_VERIFICATION_FAILED");

        HttpResponse<byte[]> stale = request(SyncShardMessage.of(EPOCH - 1, SHARD, SliverType.PRIMARY, ZERO, 10));
        assertThat(reason(stale)).isEqualTo("INVALID_EPOCH");
        JsonNode metadata = Json.MAPPER.readTree(new String(stale.body())).get("error").get("details").get(0).get("metadata");
        assertThat(metadata.get("request_epoch").stringValue()).isEqualTo(String.valueOf(EPOCH - 1));
        assertThat(metadata.get("server_epoch").stringValue()).isEqualTo(String.valueOf(EPOCH));

        HttpResponse<byte[]> notTheirs = request(SyncShardMessage.of(EPOCH, 2, SliverType.PRIMARY, ZERO, 10));
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(reason(notTheirs)).isEqualTo("REQUEST_UNAUTHORIZED");
        assertThat(reason(request(SyncShardMessage.of(EPOCH, SHARD, SliverType.PRIMARY, ZERO, 51))))
                .isEqualTo("SLIVER_COUNT_EXCEEDS_LIMIT");
        // shard 9 was another node's in the previous epoch: nothing of it is here
        assertThat(reason(request(SyncShardMessage.of(EPOCH, 9, SliverType.PRIMARY, ZERO, 10))))
                .isEqualTo("SHARD_NOT_ASSIGNED");
        assertThat(request(ok).statusCode()).isEqualTo(200);
    }
}
