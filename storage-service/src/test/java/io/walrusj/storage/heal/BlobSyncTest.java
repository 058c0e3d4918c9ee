package io.walrusj.storage.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.StorageNodeApplication;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.testing.FakeChain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Four storage nodes (Spring contexts on random ports, own RocksDB each) following one fake chain:
 * a blob uploaded to three of them is healed by the fourth after {@code BlobCertified}.
 */
class BlobSyncTest {
    static final int N = 10;
    static final long EPOCH = 2;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final Map<SuiAddress, List<Integer>> COMMITTEE = new LinkedHashMap<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        COMMITTEE.put(FakeChain.addr(0xa1), List.of(0, 1, 2));
        COMMITTEE.put(FakeChain.addr(0xa2), List.of(3, 4, 5));
        COMMITTEE.put(FakeChain.addr(0xa3), List.of(6, 7));
        COMMITTEE.put(FakeChain.addr(0xa4), List.of(8, 9));
    }

    static FakeChain chain;
    static final List<Node> nodes = new ArrayList<>();

    record Node(SuiAddress id, List<Integer> shards, ConfigurableApplicationContext ctx, int port) {
        SliverStore store() {
            return ctx.getBean(SliverStore.class);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        chain = new FakeChain(N, EPOCH, COMMITTEE);
        for (Map.Entry<SuiAddress, List<Integer>> e : COMMITTEE.entrySet()) {
            Path dir = Files.createTempDirectory("blob-sync-node");
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StorageNodeApplication.class).run(
                    "--server.port=0",
                    "--spring.jmx.enabled=false",
                    "--storage.data-dir=" + dir,
                    "--storage.rpc-url=" + chain.uri(),
                    "--storage.package-id=" + FakeChain.PACKAGE,
                    "--storage.system-object-id=" + FakeChain.SYSTEM,
                    "--storage.staking-object-id=" + FakeChain.STAKING,
                    "--storage.node-id=" + e.getKey(),
                    "--storage.poll-interval=50ms",
                    "--storage.heal-backoff=100ms");
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            nodes.add(new Node(e.getKey(), e.getValue(), ctx, port));
        }
        for (Node n : nodes) {
            PeerResolver peers = n.ctx().getBean(PeerResolver.class);
            for (Node other : nodes) {
                peers.put(other.id(), other.uri("/"));
            }
        }
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(20)).until(() -> n.ctx().getBean(NodeState.class).get().fromChain());
        }
    }

    @AfterAll
    static void stop() {
        nodes.forEach(n -> n.ctx().close());
        chain.close();
    }

    static HttpResponse<byte[]> send(String method, URI uri, byte[] body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri);
        rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(e);
        }
    }

    static EncodedBlob blob(int seed) {
        byte[] data = new byte[4000 + seed];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 17 + seed);
        }
        return new BlobEncoder(CONFIG).encode(data);
    }

    static void upload(Node n, EncodedBlob b) {
        BlobId id = b.blobId();
        assertThat(send("PUT", n.uri("/v1/blobs/" + id + "/metadata"), b.metadata().metadata().toBcs()).statusCode()).isEqualTo(201);
        int offset = id.rotationOffset(N);
        for (int shard : n.shards()) {
            int p = CONFIG.pairForShard(shard, offset);
            assertThat(send("PUT", n.uri("/v1/blobs/" + id + "/slivers/" + p + "/primary"), b.pair(p).primary().toBcs())
                    .statusCode()).isEqualTo(201);
            assertThat(send("PUT", n.uri("/v1/blobs/" + id + "/slivers/" + p + "/secondary"), b.pair(p).secondary().toBcs())
                    .statusCode()).isEqualTo(201);
        }
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        return Json.MAPPER.readTree(new String(r.body()));
    }

    @Test
    void aNodeThatMissedTheUploadHealsEverySliverAfterCertification() {
        EncodedBlob b = blob(1);
        BlobId id = b.blobId();
        SuiAddress object = FakeChain.addr(0x51);
        chain.emit(new WalrusEvent.BlobRegistered(EPOCH, id, b.metadata().metadata().unencodedLength(), 1, EPOCH + 3, false, object));
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(10)).until(() -> n.store().getBlobInfo(id).isPresent());
        }
        Node missing = nodes.getLast();
        nodes.subList(0, 3).forEach(n -> upload(n, b));
        assertThat(send("GET", missing.uri("/v1/blobs/" + id + "/confirmation/permanent"), null).statusCode()).isEqualTo(400);
        assertThat(missing.store().hasMetadata(id)).isFalse();

        chain.emit(new WalrusEvent.BlobCertified(EPOCH, id, EPOCH + 3, false, object, false));

        int offset = id.rotationOffset(N);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int shard : missing.shards()) {
                int p = CONFIG.pairForShard(shard, offset);
                assertThat(missing.store().hasSliver(id, p, SliverType.PRIMARY)).isTrue();
                assertThat(missing.store().hasSliver(id, p, SliverType.SECONDARY)).isTrue();
            }
        });
        // metadata fetched from a peer, slivers byte-identical to the encoder's
        assertThat(missing.store().getMetadata(id).orElseThrow()).isEqualTo(b.metadata().metadata());
        for (int shard : missing.shards()) {
            int p = CONFIG.pairForShard(shard, offset);
            assertThat(missing.store().getSliver(id, p, SliverType.PRIMARY).orElseThrow().toBcs()).isEqualTo(b.pair(p).primary().toBcs());
            assertThat(missing.store().getSliver(id, p, SliverType.SECONDARY).orElseThrow().toBcs()).isEqualTo(b.pair(p).secondary().toBcs());
        }

        HttpResponse<byte[]> conf = send("GET", missing.uri("/v1/blobs/" + id + "/confirmation/permanent"), null);
        assertThat(conf.statusCode()).as(new String(conf.body())).isEqualTo(200);
        JsonNode signed = json(conf).get("success").get("data").get("signed");
        byte[] message = Base64.getDecoder().decode(signed.get("serializedMessage").stringValue());
        assertThat(message).isEqualTo(StorageConfirmationMessage.permanent(EPOCH, id).toBytes());
        JsonNode health = json(send("GET", missing.uri("/v1/health?detailed=true"), null)).get("success").get("data");
        BlsPublicKey key = BlsPublicKey.fromBase64(health.get("publicKey").stringValue());
        assertThat(key.verify(message, BlsSignature.fromBase64(signed.get("signature").stringValue()))).isTrue();
        assertThat(health.get("blobSync").get("healedBlobs").asLong()).isEqualTo(1);
        assertThat(health.get("blobSync").get("recoveredSlivers").asLong()).isEqualTo(2L * missing.shards().size());
        // the nodes that had everything did nothing
        for (Node n : nodes.subList(0, 3)) {
            assertThat(n.ctx().getBean(BlobSyncer.class).progress().recoveredSlivers()).isZero();
        }
        assertThat(missing.ctx().getBean(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("walrus.heal.slivers.recovered").count()).isEqualTo(2.0 * missing.shards().size());
    }
}
