package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.e2e.net.LocalNetwork;
import io.walrusj.e2e.net.LyingProxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 5's acceptance run: the whole suite as real processes ({@link LocalNetwork}: devnet,
 * indexer, 4 self-registered storage nodes with n = 100 shards, encoder, gateway), used only through
 * the gateway's public Walrus API. Stores and reads back blobs byte for byte, reads ranges, keeps
 * working with f shards' nodes stopped (store) and 2f stopped (read), never returns a lying node's
 * bytes, and a node that was down during a store heals its slivers when it returns.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreAndReadEndToEndTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static LocalNetwork net;
    static URI gateway;

    @BeforeAll
    static void network() {
        net = LocalNetwork.shared();
        gateway = net.publicUrl();
    }

    @Test
    @Order(1)
    void storesAndReadsBlobsOfEverySizeByteForByte() throws Exception {
        for (int size : new int[] {0, 1, 1 << 20, 20 << 20}) {
            byte[] blob = LocalNetwork.randomBlob(size, size);
            BlobId id = store(blob, "epochs=3");
            HttpResponse<byte[]> read = get("/v1/blobs/" + id);
            assertThat(read.statusCode()).as("read of %d bytes", size).isEqualTo(200);
            assertThat(read.body()).as("bytes of the %d-byte blob", size).isEqualTo(blob);
            assertThat(read.headers().firstValue("ETag")).hasValue(id.toString());
        }
    }

    @Test
    @Order(2)
    void storingTheSameBytesAgainIsAlreadyCertified() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(4096, 7);
        // only a permanent certified blob answers alreadyCertified (deletable is the default)
        BlobId id = store(blob, "epochs=2&permanent=true");
        // the publisher learns "certified" from the nodes' blob status: store again once they all report it
        net.awaitNodesReportCertified(id.toString(), false);
        JsonNode again = storeJson(blob, "epochs=2&permanent=true");
        assertThat(again.has("alreadyCertified")).as(again.toString()).isTrue();
        assertThat(again.path("alreadyCertified").path("blobId").asString()).isEqualTo(id.toString());
    }

    @Test
    @Order(3)
    void readsRanges() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(3 << 20, 11);
        BlobId id = store(blob, "epochs=2");
        long[][] ranges = {{0, 0}, {0, 99}, {1_000_000, 1_999_999}, {blob.length - 10, blob.length - 1}};
        for (long[] r : ranges) {
            HttpResponse<byte[]> part = HTTP.send(request("/v1/blobs/" + id).header("Range", "bytes=" + r[0] + "-" + r[1]).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes " + r[0] + "-" + r[1] + "/" + blob.length);
            assertThat(part.body()).isEqualTo(Arrays.copyOfRange(blob, (int) r[0], (int) r[1] + 1));

            long length = r[1] - r[0] + 1;
            HttpResponse<byte[]> byteRange = get("/v1/blobs/" + id + "/byte-range?start=" + r[0] + "&length=" + length);
            assertThat(byteRange.statusCode()).isEqualTo(200);
            assertThat(byteRange.body()).isEqualTo(part.body());
        }
        HttpResponse<byte[]> bad = HTTP.send(request("/v1/blobs/" + id).header("Range", "bytes=10-").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bad.statusCode()).isEqualTo(416);
    }

    @Test
    @Order(4)
    void aLyingNodeNeverCorruptsARead() throws Exception {
        LyingProxy liar = net.liar().orElseThrow();
        byte[] blob = net.blobTheLiarServes(2 << 20, 13);
        BlobId id = store(blob, "epochs=2");
        liar.lie(true);
        try {
            long before = liar.corruptedSlivers();
            for (int i = 0; i < 5; i++) {
                HttpResponse<byte[]> read = get("/v1/blobs/" + id + "?strict_consistency_check=true");
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(read.body()).isEqualTo(blob);
            }
            assertThat(liar.corruptedSlivers() - before).as("slivers the liar corrupted").isPositive();
        } finally {
            liar.lie(false);
        }
    }

    @Test
    @Order(5)
    void storeSucceedsWithFShardsDownAndTheNodeHealsWhenItReturns() throws Exception {
        CommitteeSnapshot committee = net.committee();
        int f = committee.maxFaulty();
        // the honest node with the most shards that are still at most f
        CommitteeSnapshot.Member down = committee.members().stream()
                .filter(m -> m.weight() <= f && net.nodeIndex(m.baseUri().orElseThrow()) != net.config().lyingNode())
                .max(Comparator.comparingInt(CommitteeSnapshot.Member::weight)).orElseThrow();
        int index = net.nodeIndex(down.baseUri().orElseThrow());
        byte[] blob = LocalNetwork.randomBlob(1 << 20, 17);
        BlobId id;
        net.stopNode(index);
        try {
            id = store(blob, "epochs=2");
            assertThat(get("/v1/blobs/" + id).body()).isEqualTo(blob);
        } finally {
            net.restartNode(index);
        }
        // signed only once every owned shard holds both slivers: the node healed them from its peers
        URI node = net.nodeUrl(index);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> HTTP.send(
                HttpRequest.newBuilder(node.resolve("/v1/blobs/" + id + "/confirmation/permanent")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @Test
    @Order(6)
    void readSucceedsWith2fShardsDown() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(1 << 20, 19);
        BlobId id = store(blob, "epochs=2");
        CommitteeSnapshot committee = net.committee();
        int f = committee.maxFaulty();
        // stop nodes holding at most 2f shards in total, largest first
        List<CommitteeSnapshot.Member> byWeight = new ArrayList<>(committee.members());
        byWeight.sort(Comparator.comparingInt(CommitteeSnapshot.Member::weight).reversed());
        List<Integer> stopped = new ArrayList<>();
        int weight = 0;
        for (CommitteeSnapshot.Member m : byWeight) {
            if (weight + m.weight() <= 2 * f) {
                weight += m.weight();
                stopped.add(net.nodeIndex(m.baseUri().orElseThrow()));
            }
        }
        assertThat(weight).as("shards stopped").isGreaterThan(f);
        stopped.forEach(net::stopNode);
        try {
            HttpResponse<byte[]> read = get("/v1/blobs/" + id);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(blob);
        } finally {
            for (int i : stopped) {
                net.restartNode(i);
            }
        }
    }

    @Test
    @Order(7)
    void badRequestsGetTheirDocumentedStatus() throws Exception {
        byte[] body = LocalNetwork.randomBlob(100, 23);
        assertThat(put("/v1/blobs?epochs=1&colour=blue", body).statusCode()).isEqualTo(400);
        assertThat(put("/v1/blobs?permanent=true&deletable=true", body).statusCode()).isEqualTo(400);
        assertThat(reason(put("/v1/blobs?permanent=true&deletable=true", body))).isEqualTo("INVALID_BLOB_PERSISTENCE");
        assertThat(get("/v1/blobs/not-a-blob-id").statusCode()).isEqualTo(400);
        assertThat(get("/v1/blobs/" + BlobId.of(new byte[32]) + "?strict_consistency_check=true&skip_consistency_check=true")
                .statusCode()).isEqualTo(400);
        HttpResponse<byte[]> missing = get("/v1/blobs/" + BlobId.of(new byte[32]));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(reason(missing)).isEqualTo("BLOB_NOT_FOUND");
    }

    // ------------------------------------------------------------------ helpers

    static BlobId store(byte[] blob, String query) throws Exception {
        JsonNode result = storeJson(blob, query);
        JsonNode created = result.path("newlyCreated");
        String id = created.isMissingNode() ? result.path("alreadyCertified").path("blobId").asString()
                : created.path("blobObject").path("blobId").asString();
        return BlobId.parse(id);
    }

    static JsonNode storeJson(byte[] blob, String query) throws Exception {
        HttpResponse<byte[]> r = put("/v1/blobs?" + query, blob);
        assertThat(r.statusCode()).as("store of %d bytes: %s", blob.length, new String(r.body())).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static HttpResponse<byte[]> put(String path, byte[] body) throws Exception {
        return HTTP.send(request(path).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofMinutes(5));
    }

    static String reason(HttpResponse<byte[]> r) {
        return JSON.readTree(r.body()).path("error").path("details").path(0).path("reason").asString();
    }
}
