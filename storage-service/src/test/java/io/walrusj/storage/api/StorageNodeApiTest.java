package io.walrusj.storage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.sync.RegistrationWaits;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The storage-node API against real RocksDB and a fake chain, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageNodeApiTest {
    static final int N = 10;
    static final long EPOCH = 5;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final SuiAddress NODE = FakeSuiChain.addr(0x0a);
    static final SuiAddress OTHER = FakeSuiChain.addr(0x0b);
    static final List<Integer> OWNED = List.of(0, 1, 2, 3, 4, 5, 6);
    static final FakeSuiChain CHAIN = NodeChain.start(N, EPOCH, Map.of(NODE, OWNED, OTHER, List.of(7, 8, 9)));
    static final AtomicInteger SEED = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "storage-node-test");
        // the long-poll test waits up to 10 s for a registration the fake chain delivers after ~300 ms
        r.add("storage.registration-wait-max", () -> "10s");
    }

    // The fake chain stays up until the JVM exits: the shared Spring context (and its follower)
    // outlives this class and is closed only at JVM shutdown.

    @LocalServerPort
    int port;
    @Autowired
    SliverStore store;
    @Autowired
    NodeState state;
    @Autowired
    RegistrationWaits registrationWaits;

    @BeforeEach
    void chainRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.get().fromChain());
    }

    // ------------------------------------------------------------------ helpers

    static EncodedBlob newBlob() {
        int seed = SEED.incrementAndGet();
        byte[] data = new byte[3000 + seed * 7];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13 + seed * 101);
        }
        return new BlobEncoder(CONFIG).encode(data);
    }

    static SuiAddress objectId(int b) {
        return FakeSuiChain.addr(b);
    }

    void register(EncodedBlob b, boolean deletable, SuiAddress object) {
        CHAIN.emit(new WalrusEvent.BlobRegistered(EPOCH, b.blobId(), b.metadata().metadata().unencodedLength(), 1,
                EPOCH + 5, deletable, object));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(b.blobId())
                .map(i -> i.objects().containsKey(object)).orElse(false));
    }

    HttpResponse<byte[]> send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (contentType != null) {
            rb.header("Content-Type", contentType);
        }
        rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    HttpResponse<byte[]> get(String path) {
        return send("GET", path, null, null);
    }

    HttpResponse<byte[]> put(String path, byte[] body) {
        return send("PUT", path, body, "application/octet-stream");
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return Json.MAPPER.readTree(new String(r.body()));
    }

    static void assertSuccess(HttpResponse<byte[]> r, int code, String data) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(code);
        JsonNode j = json(r);
        assertThat(j.get("success").get("code").asInt()).isEqualTo(code);
        assertThat(j.get("success").get("data").stringValue()).isEqualTo(data);
    }

    static void assertError(HttpResponse<byte[]> r, int code, String status, String reason) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(code);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode e = json(r).get("error");
        assertThat(e.get("code").asInt()).isEqualTo(code);
        assertThat(e.get("status").stringValue()).isEqualTo(status);
        assertThat(e.get("message").stringValue()).isNotEmpty();
        JsonNode info = e.get("details").get(0);
        assertThat(info.get("@type").stringValue()).isEqualTo("ErrorInfo");
        assertThat(info.get("reason").stringValue()).isEqualTo(reason);
        assertThat(info.get("domain").stringValue()).isEqualTo("storage.walrus.space");
        assertThat(info.get("metadata").isObject()).isTrue();
    }

    static void assertPlainText400(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }

    static List<Integer> ownedPairs(BlobId id) {
        int offset = id.rotationOffset(N);
        return IntStream.range(0, N).filter(p -> OWNED.contains(CONFIG.shardForPair(p, offset))).boxed().toList();
    }

    static int foreignPair(BlobId id) {
        int offset = id.rotationOffset(N);
        return IntStream.range(0, N).filter(p -> !OWNED.contains(CONFIG.shardForPair(p, offset))).findFirst().orElseThrow();
    }

    static String metadataPath(BlobId id) {
        return "/v1/blobs/" + id + "/metadata";
    }

    static String sliverPath(BlobId id, int pair, SliverType type) {
        return "/v1/blobs/" + id + "/slivers/" + pair + "/" + type.text();
    }

    void uploadAll(EncodedBlob b) {
        assertSuccess(put(metadataPath(b.blobId()), b.metadata().metadata().toBcs()), 201, "metadata successfully stored");
        for (int p : ownedPairs(b.blobId())) {
            assertSuccess(put(sliverPath(b.blobId(), p, SliverType.PRIMARY), b.pair(p).primary().toBcs()), 201,
                    "sliver stored successfully");
            assertSuccess(put(sliverPath(b.blobId(), p, SliverType.SECONDARY), b.pair(p).secondary().toBcs()), 201,
                    "sliver stored successfully");
        }
    }

    BlsPublicKey nodeKey() {
        return BlsPublicKey.fromBase64(json(get("/v1/health")).get("success").get("data").get("publicKey").stringValue());
    }

    // ------------------------------------------------------------------ tests

    @Test
    void healthReportsEpochKeyAndOwnedShards() {
        HttpResponse<byte[]> r = get("/v1/health?detailed=true");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode data = json(r).get("success").get("data");
        assertThat(json(r).get("success").get("code").asInt()).isEqualTo(200);
        assertThat(data.get("epoch").asLong()).isEqualTo(EPOCH);
        assertThat(data.get("nodeStatus").stringValue()).isEqualTo("Active");
        assertThat(data.get("shardSummary").get("owned").asInt()).isEqualTo(OWNED.size());
        assertThat(data.get("shardDetail").get("owned")).hasSize(OWNED.size());
        assertThat(data.get("uptime").has("secs")).isTrue();
        assertThat(Base64.getDecoder().decode(data.get("publicKey").stringValue())).hasSize(48);
    }

    @Test
    void uploadReadBackAndPermanentConfirmationSignedOverTheSpecBytes() {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        SuiAddress object = objectId(0x70);
        register(b, false, object);

        assertSuccess(get(metadataPath(id) + "/status"), 200, "nonexistent");
        assertSuccess(put(metadataPath(id), b.metadata().metadata().toBcs()), 201, "metadata successfully stored");
        assertSuccess(put(metadataPath(id), b.metadata().metadata().toBcs()), 200, "metadata already stored");
        assertSuccess(get(metadataPath(id) + "/status"), 200, "stored");

        HttpResponse<byte[]> meta = get(metadataPath(id));
        assertThat(meta.statusCode()).isEqualTo(200);
        assertThat(meta.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
        assertThat(meta.body()).isEqualTo(b.metadata().toBcs());

        // confirmation refused until every owned pair is stored
        int first = ownedPairs(id).getFirst();
        assertSuccess(put(sliverPath(id, first, SliverType.PRIMARY), b.pair(first).primary().toBcs()), 201,
                "sliver stored successfully");
        assertError(get("/v1/blobs/" + id + "/confirmation/permanent"), 400, "FAILED_PRECONDITION", "MISSING_SLIVERS");
        assertSuccess(put(sliverPath(id, first, SliverType.PRIMARY), b.pair(first).primary().toBcs()), 200,
                "sliver already stored");
        assertSuccess(get(sliverPath(id, first, SliverType.SECONDARY) + "/status"), 200, "nonexistent");

        for (int p : ownedPairs(id)) {
            for (SliverType t : SliverType.values()) {
                SliverData s = t == SliverType.PRIMARY ? b.pair(p).primary() : b.pair(p).secondary();
                put(sliverPath(id, p, t), s.toBcs());
                HttpResponse<byte[]> back = get(sliverPath(id, p, t));
                assertThat(back.statusCode()).isEqualTo(200);
                assertThat(back.body()).isEqualTo(s.toBcs());
                assertSuccess(get(sliverPath(id, p, t) + "/status"), 200, "stored");
            }
        }

        HttpResponse<byte[]> conf = get("/v1/blobs/" + id + "/confirmation/permanent");
        assertThat(conf.statusCode()).as(new String(conf.body())).isEqualTo(200);
        JsonNode signed = json(conf).get("success").get("data").get("signed");
        byte[] message = Base64.getDecoder().decode(signed.get("serializedMessage").stringValue());
        byte[] expected = HexFormat.of().parseHex("01000305000000" + id.toHex() + "00");
        assertThat(message).isEqualTo(expected);
        BlsSignature sig = BlsSignature.fromBase64(signed.get("signature").stringValue());
        assertThat(nodeKey().verify(expected, sig)).isTrue();

        // blob status follows the chain: registered, then certified
        JsonNode st = json(get("/v1/blobs/" + id + "/status")).get("success").get("data").get("permanent");
        assertThat(st.get("isCertified").booleanValue()).isFalse();
        assertThat(st.get("endEpoch").asLong()).isEqualTo(EPOCH + 5);
        CHAIN.emit(new WalrusEvent.BlobCertified(EPOCH, id, EPOCH + 5, false, object, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> json(get("/v1/blobs/" + id + "/status"))
                .get("success").get("data").get("permanent").get("isCertified").booleanValue());
        JsonNode certified = json(get("/v1/blobs/" + id + "/status")).get("success").get("data").get("permanent");
        assertThat(certified.get("initialCertifiedEpoch").asLong()).isEqualTo(EPOCH);
        assertThat(certified.get("statusEvent").get("eventSeq").stringValue()).isEqualTo("0");
        assertThat(certified.get("deletableCounts").get("count_deletable_total").asInt()).isZero();
    }

    @Test
    void deletableConfirmationNamesTheObject() {
        EncodedBlob b = newBlob();
        SuiAddress object = objectId(0x2a);
        register(b, true, object);
        uploadAll(b);
        HttpResponse<byte[]> conf = get("/v1/blobs/" + b.blobId() + "/confirmation/deletable/" + object);
        assertThat(conf.statusCode()).as(new String(conf.body())).isEqualTo(200);
        JsonNode signed = json(conf).get("success").get("data").get("signed");
        byte[] message = Base64.getDecoder().decode(signed.get("serializedMessage").stringValue());
        byte[] expected = HexFormat.of().parseHex("01000305000000" + b.blobId().toHex() + "01" + "2a".repeat(32));
        assertThat(message).hasSize(72).isEqualTo(expected);
        assertThat(nodeKey().verify(expected, BlsSignature.fromBase64(signed.get("signature").stringValue()))).isTrue();

        assertError(get("/v1/blobs/" + b.blobId() + "/confirmation/deletable/" + objectId(0x2b)), 400,
                "FAILED_PRECONDITION", "NOT_REGISTERED");
        CHAIN.emit(new WalrusEvent.BlobDeleted(EPOCH, b.blobId(), EPOCH + 5, object, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(b.blobId()).orElseThrow().objects().isEmpty());
        assertError(get("/v1/blobs/" + b.blobId() + "/confirmation/deletable/" + object), 400,
                "FAILED_PRECONDITION", "NOT_REGISTERED");
        assertSuccess(get("/v1/blobs/" + b.blobId() + "/status"), 200, "nonexistent");
    }

    @Test
    void aConfirmationWaitingForRegistrationIsSignedOnceTheRegistrationArrives() throws Exception {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        String waiting = "/v1/blobs/" + id + "/confirmation/permanent?wait_for_registration=true&wait_millis=10000";
        // without waiting, or with a wait that ends before the registration: NOT_REGISTERED
        assertError(get("/v1/blobs/" + id + "/confirmation/permanent?wait_for_registration=false"), 400,
                "FAILED_PRECONDITION", "NOT_REGISTERED");
        long start = System.nanoTime();
        assertError(get("/v1/blobs/" + id + "/confirmation/permanent?wait_for_registration=true&wait_millis=300"), 400,
                "FAILED_PRECONDITION", "NOT_REGISTERED");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        // uploads buffered before the registration (?pending=true), then a request that waits:
        // it answers (signed) once the registration arrives, not before
        put(metadataPath(id) + "?pending=true", b.metadata().metadata().toBcs());
        for (int p : ownedPairs(id)) {
            put(sliverPath(id, p, SliverType.PRIMARY) + "?pending=true", b.pair(p).primary().toBcs());
            put(sliverPath(id, p, SliverType.SECONDARY) + "?pending=true", b.pair(p).secondary().toBcs());
        }
        CompletableFuture<HttpResponse<byte[]>> pending = CompletableFuture.supplyAsync(() -> get(waiting));
        // the request is inside the registration wait, unanswered
        await().atMost(Duration.ofSeconds(5)).until(() -> registrationWaits.isWaitingFor(id));
        assertThat(pending).isNotDone();
        register(b, false, objectId(0x74));
        HttpResponse<byte[]> conf = pending.get(10, TimeUnit.SECONDS);
        assertThat(conf.statusCode()).as(new String(conf.body())).isEqualTo(200);
        assertThat(json(conf).get("success").get("data").get("signed").has("signature")).isTrue();
    }

    @Test
    void unregisteredBlobsAreRefused() {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        assertError(put(metadataPath(id), b.metadata().metadata().toBcs()), 400, "FAILED_PRECONDITION", "NOT_REGISTERED");
        assertError(get(metadataPath(id)), 404, "NOT_FOUND", "METADATA_NOT_FOUND");
        assertError(get("/v1/blobs/" + id + "/confirmation/permanent"), 400, "FAILED_PRECONDITION", "NOT_REGISTERED");
        int pair = ownedPairs(id).getFirst();
        assertError(get(sliverPath(id, pair, SliverType.PRIMARY)), 404, "NOT_FOUND", "SLIVER_NOT_FOUND");
        // no metadata stored: the sliver is refused before registration is even looked at
        assertError(put(sliverPath(id, pair, SliverType.PRIMARY), b.pair(pair).primary().toBcs()), 400,
                "FAILED_PRECONDITION", "METADATA_NOT_FOUND");
        assertSuccess(get("/v1/blobs/" + id + "/status"), 200, "nonexistent");
        JsonNode err = json(put(metadataPath(id), b.metadata().metadata().toBcs()));
        assertThat(err.get("error").get("details")).hasSize(1);
        assertThat(err.get("error").get("message").stringValue())
                .isEqualTo("the blob has not been registered or has already expired");
    }

    @Test
    void metadataRejections() {
        EncodedBlob b = newBlob();
        EncodedBlob other = newBlob();
        BlobId id = b.blobId();
        register(b, false, objectId(0x71));
        // another blob's metadata does not derive this blob id
        assertError(put(metadataPath(id), other.metadata().metadata().toBcs()), 400, "INVALID_ARGUMENT", "INVALID_METADATA");
        // undecodable BCS, trailing bytes, wrong media type
        assertError(put(metadataPath(id), new byte[] {0, 1, 2}), 400, "INVALID_ARGUMENT", "INVALID_CONTENT_TYPE");
        byte[] trailing = java.util.Arrays.copyOf(b.metadata().metadata().toBcs(), b.metadata().metadata().toBcs().length + 1);
        assertError(put(metadataPath(id), trailing), 400, "INVALID_ARGUMENT", "INVALID_CONTENT_TYPE");
        assertError(send("PUT", metadataPath(id), b.metadata().metadata().toBcs(), "application/json"), 400,
                "INVALID_ARGUMENT", "INVALID_CONTENT_TYPE");
        // too large for the 2 MiB limit
        assertError(put(metadataPath(id), new byte[2 * 1024 * 1024 + 1]), 400, "INVALID_ARGUMENT", "INVALID_CONTENT_TYPE");
        // a missing content type is accepted
        assertSuccess(send("PUT", metadataPath(id), b.metadata().metadata().toBcs(), null), 201, "metadata successfully stored");
    }

    @Test
    void invalidatedBlobRefusesMetadata() {
        EncodedBlob b = newBlob();
        register(b, false, objectId(0x72));
        CHAIN.emit(new WalrusEvent.InvalidBlobId(EPOCH, b.blobId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(b.blobId()).orElseThrow().invalid());
        assertError(put(metadataPath(b.blobId()), b.metadata().metadata().toBcs()), 400, "FAILED_PRECONDITION", "INVALID_BLOB");
        JsonNode st = json(get("/v1/blobs/" + b.blobId() + "/status")).get("success").get("data");
        assertThat(st.get("invalid").get("event").get("txDigest").stringValue()).isNotEmpty();
    }

    @Test
    void sliverRejections() {
        EncodedBlob b = newBlob();
        BlobId id = b.blobId();
        register(b, false, objectId(0x73));
        assertSuccess(put(metadataPath(id), b.metadata().metadata().toBcs()), 201, "metadata successfully stored");
        List<Integer> owned = ownedPairs(id);
        int p = owned.get(0);
        int q = owned.get(1);

        // index out of range (pair >= n)
        assertError(put(sliverPath(id, N, SliverType.PRIMARY), b.pair(p).primary().toBcs()), 400, "INVALID_ARGUMENT",
                "INDEX_OUT_OF_RANGE");
        assertError(get(sliverPath(id, N, SliverType.PRIMARY)), 400, "INVALID_ARGUMENT", "INDEX_OUT_OF_RANGE");
        // the sliver's own index does not belong to the pair in the path
        assertError(put(sliverPath(id, q, SliverType.PRIMARY), b.pair(p).primary().toBcs()), 400, "INVALID_ARGUMENT",
                "SLIVER_INDEX_MISMATCH");
        assertError(put(sliverPath(id, q, SliverType.SECONDARY), b.pair(p).secondary().toBcs()), 400, "INVALID_ARGUMENT",
                "SLIVER_INDEX_MISMATCH");
        // a pair whose shard belongs to another node
        int f = foreignPair(id);
        assertError(put(sliverPath(id, f, SliverType.PRIMARY), b.pair(f).primary().toBcs()), 400, "FAILED_PRECONDITION",
                "SHARD_NOT_ASSIGNED");
        assertError(get(sliverPath(id, f, SliverType.PRIMARY)), 400, "FAILED_PRECONDITION", "SHARD_NOT_ASSIGNED");
        assertError(get(sliverPath(id, f, SliverType.PRIMARY) + "/status"), 400, "FAILED_PRECONDITION", "SHARD_NOT_ASSIGNED");
        // tampered data: right index and length, wrong Merkle root
        SliverData good = b.pair(p).primary();
        byte[] data = good.data().clone();
        data[0] ^= 1;
        SliverData bad = new SliverData(SliverType.PRIMARY, good.index(), good.symbolSize(), data);
        assertError(put(sliverPath(id, p, SliverType.PRIMARY), bad.toBcs()), 400, "INVALID_ARGUMENT", "INVALID_SLIVER");
        // wrong length for the blob
        SliverData shortSliver = new SliverData(SliverType.PRIMARY, good.index(), good.symbolSize(),
                java.util.Arrays.copyOf(good.data(), good.symbolSize()));
        assertError(put(sliverPath(id, p, SliverType.PRIMARY), shortSliver.toBcs()), 400, "INVALID_ARGUMENT", "INVALID_SLIVER");
        // bad BCS: symbol size 0
        assertError(put(sliverPath(id, p, SliverType.PRIMARY), new byte[] {0, 0, 0, 0, 0}), 400, "INVALID_ARGUMENT",
                "INVALID_CONTENT_TYPE");
        // more than s * 65534 + 128 bytes
        int limit = CONFIG.secondarySymbols() * EncodingConfig.MAX_SYMBOL_SIZE + 128;
        assertError(put(sliverPath(id, p, SliverType.PRIMARY), new byte[limit + 1]), 400, "INVALID_ARGUMENT",
                "INVALID_CONTENT_TYPE");
        // nothing was stored by the rejections
        assertSuccess(get(sliverPath(id, p, SliverType.PRIMARY) + "/status"), 200, "nonexistent");
        assertSuccess(put(sliverPath(id, p, SliverType.PRIMARY), good.toBcs()), 201, "sliver stored successfully");
    }

    @Test
    void malformedPathsAndQueriesArePlainText400() {
        EncodedBlob b = newBlob();
        String id = b.blobId().toString();
        assertPlainText400(get("/v1/blobs/not-a-blob-id/metadata"));
        assertPlainText400(get("/v1/blobs/" + id + "=/metadata"));
        assertPlainText400(put("/v1/blobs/" + id.substring(1) + "/metadata", b.metadata().metadata().toBcs()));
        assertPlainText400(get("/v1/blobs/" + id + "/slivers/70000/primary"));
        assertPlainText400(get("/v1/blobs/" + id + "/slivers/-1/primary"));
        assertPlainText400(get("/v1/blobs/" + id + "/slivers/1/Primary"));
        assertPlainText400(put("/v1/blobs/" + id + "/metadata?foo=1", b.metadata().metadata().toBcs()));
        assertPlainText400(put("/v1/blobs/" + id + "/metadata?pending=yes", b.metadata().metadata().toBcs()));
        assertPlainText400(get("/v1/blobs/" + id + "/confirmation/deletable/0x2A"));
        assertPlainText400(get("/v1/blobs/" + id + "/confirmation/permanent?wait_millis=soon"));
    }

    @Test
    void epochChangeRereadsTheCommittee() {
        CHAIN.committee(EPOCH, Map.of(NODE, OWNED, OTHER, List.of(7, 8, 9)));
        CHAIN.emit(new WalrusEvent.EpochChangeDone(EPOCH));
        await().atMost(Duration.ofSeconds(10)).until(() -> state.get().ownedShards().equals(java.util.Set.copyOf(OWNED)));
        assertThat(state.get().epoch()).isEqualTo(EPOCH);
    }

    @Test
    void chainLagGaugesReportTheFollower(@Autowired io.micrometer.core.instrument.MeterRegistry registry) {
        CHAIN.appendEmpty(2);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> registry.get("walrus.chain.checkpoint.lag").gauge().value() == 0.0);
        double seconds = registry.get("walrus.chain.lag").gauge().value();
        assertThat(seconds).isNotNaN().isGreaterThanOrEqualTo(0.0);
    }
}
