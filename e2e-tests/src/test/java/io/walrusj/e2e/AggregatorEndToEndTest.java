package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.e2e.net.LocalNetwork;
import io.walrusj.e2e.net.LyingProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aggregator (encoder-service read routes) against the real suite ({@link LocalNetwork}: devnet,
 * 4 storage nodes with n = 10 shards, one of them behind a {@link LyingProxy}), called directly on
 * the encoder. Blobs are stored with the publisher's {@code PUT /v1/blobs} and read back byte for
 * byte through every read route, with nodes of 2f shards stopped, and with the lying node lying.
 */
@Timeout(600)
class AggregatorEndToEndTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static LocalNetwork net;
    static URI encoder;

    @BeforeAll
    static void network() {
        net = LocalNetwork.shared();
        encoder = net.encoderUrl();
    }

    record Stored(BlobId blobId, SuiAddress objectId) {}

    @Test
    void readsEverySizeByteForByteThroughEveryRoute() throws Exception {
        for (int size : new int[] {0, 1, 1 << 20}) {
            byte[] blob = LocalNetwork.randomBlob(size, 100 + size);
            BlobId id = store(blob).blobId();
            for (String query : List.of("", "?strict_consistency_check=true", "?skip_consistency_check=true")) {
                HttpResponse<byte[]> read = get("/v1/blobs/" + id + query);
                assertThat(read.statusCode()).as("%d bytes %s", size, query).isEqualTo(200);
                assertThat(read.body()).as("%d bytes %s", size, query).isEqualTo(blob);
            }
            HttpResponse<byte[]> read = get("/v1/blobs/" + id);
            assertThat(read.headers().firstValue("ETag")).hasValue(id.toString());
            assertThat(read.headers().firstValue("Content-Length")).hasValue(String.valueOf(size));
            assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

            HttpResponse<byte[]> stream = get("/v1alpha/blobs/" + id + "/stream");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.body()).isEqualTo(blob);
            assertThat(stream.headers().firstValue("x-walrus-streaming")).hasValue("true");
        }
    }

    @Test
    void readsRanges() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(1_500_000, 7);
        BlobId id = store(blob).blobId();
        long[][] ranges = {{0, 0}, {0, 99}, {123_456, 654_321}, {blob.length - 10, blob.length - 1}, {0, blob.length - 1}};
        for (long[] r : ranges) {
            HttpResponse<byte[]> part = get("/v1/blobs/" + id, "Range", "bytes=" + r[0] + "-" + r[1]);
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes " + r[0] + "-" + r[1] + "/" + blob.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(blob, (int) r[0], (int) r[1] + 1));
            long length = r[1] - r[0] + 1;
            HttpResponse<byte[]> byteRange = get("/v1/blobs/" + id + "/byte-range?start=" + r[0] + "&length=" + length);
            assertThat(byteRange.statusCode()).isEqualTo(200);
            assertThat(byteRange.headers().firstValue("ETag")).hasValue(id + "-" + r[0] + "-" + length);
            assertThat(byteRange.body()).isEqualTo(part.body());
        }
        assertThat(get("/v1/blobs/" + id, "Range", "bytes=0-" + blob.length).statusCode()).isEqualTo(416);
        assertThat(reason(get("/v1/blobs/" + id + "/byte-range?start=" + (blob.length - 1) + "&length=2")))
                .isEqualTo("INVALID_BYTE_RANGE");
    }

    @Test
    void byObjectIdServesAllowedAttributesAsHeaders() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(10_000, 9);
        Stored stored = store(blob);
        try (DevnetClient devnet = DevnetClient.create(net.devnetUrl())) {
            Ed25519KeyPair wallet = publisherWallet();
            devnet.execute(wallet, new Call.SetBlobAttribute(stored.objectId(), "content-type", "text/plain"));
            devnet.execute(wallet, new Call.SetBlobAttribute(stored.objectId(), "Content-Disposition", "inline"));
            devnet.execute(wallet, new Call.SetBlobAttribute(stored.objectId(), "x-private", "secret"));
        }
        HttpResponse<byte[]> read = get("/v1/blobs/by-object-id/" + stored.objectId());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(blob);
        assertThat(read.headers().firstValue("ETag")).hasValue(stored.blobId().toString());
        assertThat(read.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(read.headers().firstValue("Content-Disposition")).hasValue("inline");
        assertThat(read.headers().firstValue("x-private")).isEmpty();

        HttpResponse<byte[]> concat = get("/v1alpha/blobs/concat?ids=" + stored.objectId() + "," + stored.blobId());
        assertThat(concat.statusCode()).isEqualTo(200);
        byte[] twice = new byte[2 * blob.length];
        System.arraycopy(blob, 0, twice, 0, blob.length);
        System.arraycopy(blob, 0, twice, blob.length, blob.length);
        assertThat(concat.body()).isEqualTo(twice);
        assertThat(concat.headers().firstValue("Content-Type")).hasValue("text/plain");

        HttpResponse<byte[]> missing = get("/v1/blobs/by-object-id/0x" + "ab".repeat(32));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(reason(missing)).isEqualTo("BLOB_NOT_FOUND");
    }

    @Test
    void unknownBlobsAre404() throws Exception {
        HttpResponse<byte[]> missing = get("/v1/blobs/" + BlobId.of(new byte[32]));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(reason(missing)).isEqualTo("BLOB_NOT_FOUND");
    }

    @Test
    void readsWithNodesOf2fShardsStopped() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(1 << 20, 11);
        BlobId id = store(blob).blobId();
        CommitteeSnapshot committee = net.committee();
        int f = committee.maxFaulty();
        List<CommitteeSnapshot.Member> byWeight = new ArrayList<>(committee.members());
        byWeight.sort(Comparator.comparingInt(CommitteeSnapshot.Member::weight).reversed());
        List<Integer> stopped = new ArrayList<>();
        int weight = 0;
        for (CommitteeSnapshot.Member m : byWeight) {
            int index = net.nodeIndex(m.baseUri().orElseThrow());
            if (index != net.config().lyingNode() && weight + m.weight() <= 2 * f) {
                weight += m.weight();
                stopped.add(index);
            }
        }
        assertThat(weight).as("shards stopped").isGreaterThan(f);
        stopped.forEach(net::stopNode);
        try {
            HttpResponse<byte[]> read = get("/v1/blobs/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(blob);
            assertThat(get("/v1alpha/blobs/" + id + "/stream").body()).isEqualTo(blob);
            HttpResponse<byte[]> part = get("/v1/blobs/" + id, "Range", "bytes=1000-400000");
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(blob, 1000, 400_001));
        } finally {
            for (int i : stopped) {
                net.restartNode(i);
            }
        }
    }

    @Test
    void aLyingNodeNeverCorruptsARead() throws Exception {
        LyingProxy liar = net.liar().orElseThrow();
        byte[] blob = net.blobTheLiarServes(1 << 20, 13);
        BlobId id = store(blob).blobId();
        liar.lie(true);
        try {
            long before = liar.corruptedSlivers();
            for (String query : List.of("", "?strict_consistency_check=true", "?skip_consistency_check=true")) {
                HttpResponse<byte[]> read = get("/v1/blobs/" + id + query);
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).isEqualTo(blob);
            }
            assertThat(get("/v1alpha/blobs/" + id + "/stream").body()).isEqualTo(blob);
            for (int start = 0; start < blob.length; start += 200_000) {
                int end = Math.min(blob.length - 1, start + 150_000);
                HttpResponse<byte[]> part = get("/v1/blobs/" + id, "Range", "bytes=" + start + "-" + end);
                assertThat(part.statusCode()).isEqualTo(206);
                assertThat(part.body()).isEqualTo(Arrays.copyOfRange(blob, start, end + 1));
            }
            assertThat(liar.corruptedSlivers() - before).as("slivers the liar corrupted").isPositive();
        } finally {
            liar.lie(false);
        }
        String metrics = new String(get("/actuator/prometheus").body(), StandardCharsets.UTF_8);
        assertThat(metrics).contains("walrus_aggregator_slivers_total").contains("result=\"invalid\"");
    }

    // ------------------------------------------------------------------ helpers

    static Stored store(byte[] blob) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(request("/v1/blobs?epochs=2&force=true").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("store of %d bytes: %s", blob.length, new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        JsonNode created = JSON.readTree(r.body()).path("newlyCreated").path("blobObject");
        assertThat(created.isMissingNode()).as("a new Blob object: %s", new String(r.body(), StandardCharsets.UTF_8)).isFalse();
        return new Stored(BlobId.parse(created.path("blobId").asString()), SuiAddress.parse(created.path("id").asString()));
    }

    /** The publisher's wallet key ({@code <publisher.data-dir>/publisher-wallet.key}, base64 seed): it owns the Blob objects. */
    static Ed25519KeyPair publisherWallet() throws Exception {
        Path file = net.workDir().resolve("publisher").resolve("publisher-wallet.key");
        return Ed25519KeyPair.fromSeed(Base64.getDecoder().decode(Files.readString(file).strip()));
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(encoder.resolve(path)).timeout(Duration.ofMinutes(2));
    }

    static String reason(HttpResponse<byte[]> r) {
        return JSON.readTree(r.body()).path("error").path("details").path(0).path("reason").asString();
    }
}
