package io.walrusj.storage.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.testing.FakeSuiChain;
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
import io.walrusj.storage.store.BlobInfo;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Four storage nodes (Spring contexts on random ports, own RocksDB each) following one fake chain:
 * a blob uploaded to three of them is healed by the fourth after {@code BlobCertified}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlobSyncTest {
    static final int N = 10;
    static final long EPOCH = 2;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final Map<SuiAddress, List<Integer>> COMMITTEE = new LinkedHashMap<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        COMMITTEE.put(FakeSuiChain.addr(0xa1), List.of(0, 1, 2));
        COMMITTEE.put(FakeSuiChain.addr(0xa2), List.of(3, 4, 5));
        COMMITTEE.put(FakeSuiChain.addr(0xa3), List.of(6, 7));
        COMMITTEE.put(FakeSuiChain.addr(0xa4), List.of(8, 9));
    }

    static FakeSuiChain chain;
    static final List<Node> nodes = new ArrayList<>();

    record Node(SuiAddress id, List<Integer> shards, ConfigurableApplicationContext ctx, int port, Path dir) {
        SliverStore store() {
            return ctx.getBean(SliverStore.class);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        chain = NodeChain.start(N, EPOCH, COMMITTEE);
        for (Map.Entry<SuiAddress, List<Integer>> e : COMMITTEE.entrySet()) {
            nodes.add(startNode(e.getKey(), e.getValue(), Files.createTempDirectory("blob-sync-node")));
        }
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(20)).until(() -> n.ctx().getBean(NodeState.class).get().fromChain());
        }
        // Peers are found through the chain: each pool's node_info.network_address ("host:port"),
        // re-read by every node after the epoch-change event.
        for (Node n : nodes) {
            chain.networkAddress(n.id(), "127.0.0.1:" + n.port());
        }
        chain.emit(new WalrusEvent.EpochChangeDone(EPOCH));
        for (Node n : nodes) {
            PeerResolver peers = n.ctx().getBean(PeerResolver.class);
            for (Node other : nodes) {
                if (other != n) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> peers.resolve(other.id())
                            .map(u -> u.equals(URI.create("http://127.0.0.1:" + other.port()))).orElse(false));
                }
            }
            assertThat(peers.resolve(n.id())).as("a node does not read its own pool").isEmpty();
        }
    }

    static Node startNode(SuiAddress id, List<Integer> shards, Path dir) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StorageNodeApplication.class).run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--storage.data-dir=" + dir,
                "--storage.rpc-url=" + chain.jsonRpcUri(), "--storage.grpc-url=" + chain.grpcUrl(),
                "--storage.package-id=" + FakeSuiChain.PACKAGE,
                "--storage.system-object-id=" + FakeSuiChain.SYSTEM,
                "--storage.staking-object-id=" + FakeSuiChain.STAKING,
                "--storage.node-id=" + id,
                "--storage.heal-backoff=100ms");
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        return new Node(id, shards, ctx, port, dir);
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
    @Order(1)
    void aNodeThatMissedTheUploadHealsEverySliverAfterCertification() {
        EncodedBlob b = blob(1);
        BlobId id = b.blobId();
        SuiAddress object = FakeSuiChain.addr(0x51);
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

    /**
     * Marks the blob certified in the node's store without any notification, as a crash between the
     * event commit and the listener call (or a node that was down and gave up) leaves it.
     */
    static void certifySilently(Node n, BlobId id, SuiAddress object) {
        SliverStore store = n.store();
        BlobInfo info = store.getBlobInfo(id).orElseThrow();
        BlobInfo.BlobObject o = info.objects().get(object);
        store.commitEvents(Map.of(id, info.withObject(object,
                new BlobInfo.BlobObject(o.deletable(), o.endEpoch(), OptionalLong.of(EPOCH), o.event()))),
                store.loadCheckpointCursor().orElseThrow());
    }

    static EncodedBlob registerAndUploadToThree(int seed, SuiAddress object) {
        EncodedBlob b = blob(seed);
        BlobId id = b.blobId();
        chain.emit(new WalrusEvent.BlobRegistered(EPOCH, id, b.metadata().metadata().unencodedLength(), 1, EPOCH + 3, false, object));
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(10)).until(() -> n.store().getBlobInfo(id).isPresent());
        }
        nodes.subList(0, 3).forEach(n -> upload(n, b));
        return b;
    }

    static void assertHealed(Node n, EncodedBlob b) {
        BlobId id = b.blobId();
        int offset = id.rotationOffset(N);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int shard : n.shards()) {
                int p = CONFIG.pairForShard(shard, offset);
                assertThat(n.store().hasSliver(id, p, SliverType.PRIMARY)).isTrue();
                assertThat(n.store().hasSliver(id, p, SliverType.SECONDARY)).isTrue();
            }
        });
        for (int shard : n.shards()) {
            int p = CONFIG.pairForShard(shard, offset);
            assertThat(n.store().getSliver(id, p, SliverType.PRIMARY).orElseThrow().toBcs()).isEqualTo(b.pair(p).primary().toBcs());
            assertThat(n.store().getSliver(id, p, SliverType.SECONDARY).orElseThrow().toBcs()).isEqualTo(b.pair(p).secondary().toBcs());
        }
    }

    @Test
    @Order(2)
    void certifiedBlobsMissingSliversAreSyncedOnStartAndAfterEpochChange() {
        // On start: a certified blob whose BlobCertified notification never ran (crash), then a restart.
        SuiAddress object2 = FakeSuiChain.addr(0x52);
        EncodedBlob b2 = registerAndUploadToThree(2, object2);
        Node old = nodes.getLast();
        certifySilently(old, b2.blobId(), object2);
        old.ctx().close();
        Node restarted = startNode(old.id(), old.shards(), old.dir());
        nodes.set(nodes.size() - 1, restarted);
        assertHealed(restarted, b2);
        assertThat(restarted.ctx().getBean(BlobSyncer.class).progress().healedBlobs()).isEqualTo(1);

        // After an epoch change: the same situation on the running node, repaired by the epoch scan.
        SuiAddress object3 = FakeSuiChain.addr(0x53);
        EncodedBlob b3 = registerAndUploadToThree(3, object3);
        certifySilently(restarted, b3.blobId(), object3);
        assertThat(restarted.store().hasMetadata(b3.blobId())).isFalse();
        chain.emit(new WalrusEvent.EpochChangeDone(EPOCH));
        assertHealed(restarted, b3);
        assertThat(restarted.ctx().getBean(BlobSyncer.class).progress().healedBlobs()).isEqualTo(2);

        // Uncertified (only registered) blobs are left alone.
        SuiAddress object4 = FakeSuiChain.addr(0x54);
        EncodedBlob b4 = registerAndUploadToThree(4, object4);
        assertThat(restarted.ctx().getBean(BlobSyncer.class).scan()).isZero();
        assertThat(restarted.store().hasMetadata(b4.blobId())).isFalse();
    }
}
