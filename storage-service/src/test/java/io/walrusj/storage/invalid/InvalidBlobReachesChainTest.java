package io.walrusj.storage.invalid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.FakeWrite;
import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.BlsCommitteeMember;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.CertificateVerifier;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.IntentType;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.SignersBitmap;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.EncodingType;
import io.walrusj.core.metadata.SliverPairMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.StorageNodeApplication;
import io.walrusj.storage.heal.BlobSyncer;
import io.walrusj.storage.identity.OperatorKeyStore;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Four storage nodes on one fake chain whose system object carries their real BLS keys. A blob with
 * lying metadata (its row 0 hash is that of a forged row) is uploaded honestly to three nodes; the
 * fourth, which owns pair 0, finds the inconsistency while healing, collects verified attestations
 * from the others and, having an operator key, sends {@code invalidate_blob_id} with a certificate
 * that verifies against the on-chain committee.
 */
class InvalidBlobReachesChainTest {
    static final int N = 10;
    static final long EPOCH = 2;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final Map<SuiAddress, List<Integer>> COMMITTEE = new LinkedHashMap<>();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        COMMITTEE.put(FakeSuiChain.addr(0xd1), List.of(0, 1, 2));
        COMMITTEE.put(FakeSuiChain.addr(0xd2), List.of(3, 4, 5));
        COMMITTEE.put(FakeSuiChain.addr(0xd3), List.of(6, 7));
        COMMITTEE.put(FakeSuiChain.addr(0xd4), List.of(8, 9));
    }

    static FakeSuiChain chain;
    static final List<Node> nodes = new ArrayList<>();
    static Ed25519KeyPair operator;

    record Node(SuiAddress id, List<Integer> shards, ConfigurableApplicationContext ctx, int port) {
        SliverStore store() {
            return ctx.getBean(SliverStore.class);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        BlsKeyPair key() {
            return ctx.getBean(BlsKeyPair.class);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        chain = NodeChain.start(N, EPOCH, COMMITTEE);
        SuiAddress finder = FakeSuiChain.addr(0xd4);
        for (Map.Entry<SuiAddress, List<Integer>> e : COMMITTEE.entrySet()) {
            Path dir = Files.createTempDirectory("invalid-blob-node");
            if (e.getKey().equals(finder)) {
                operator = OperatorKeyStore.loadOrCreate(dir, null); // a devnet node: it has an operator key
            }
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StorageNodeApplication.class).run(
                    "--server.port=0", "--spring.jmx.enabled=false", "--storage.data-dir=" + dir,
                    "--storage.rpc-url=" + chain.jsonRpcUri(), "--storage.grpc-url=" + chain.grpcUrl(), "--storage.package-id=" + FakeSuiChain.PACKAGE,
                    "--storage.system-object-id=" + FakeSuiChain.SYSTEM, "--storage.staking-object-id=" + FakeSuiChain.STAKING,
                    "--storage.node-id=" + e.getKey(), "--storage.heal-backoff=100ms");
            nodes.add(new Node(e.getKey(), e.getValue(), ctx,
                    Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"))));
        }
        for (Node n : nodes) {
            chain.networkAddress(n.id(), "127.0.0.1:" + n.port());
            chain.protocolKey(n.id(), n.key().publicKey());
        }
        chain.emit(new WalrusEvent.EpochChangeDone(EPOCH));
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(20)).until(() -> n.ctx().getBean(NodeState.class).get().signing()
                    .map(s -> s.committee().member(3).publicKey().equals(nodes.get(3).key().publicKey())).orElse(false));
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

    /** Honest slivers, metadata lying about row 0, whose pair 0 lands on a shard of {@code owner}. */
    record LyingBlob(EncodedBlob honest, BlobMetadata metadata, BlobId id) {
    }

    static LyingBlob lyingBlobWithPairZeroOn(Node owner) {
        for (int seed = 0; ; seed++) {
            byte[] data = new byte[3000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 13 + seed);
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
            if (owner.shards().contains(CONFIG.shardForPair(0, id.rotationOffset(N)))) {
                return new LyingBlob(honest, lying, id);
            }
        }
    }

    @Test
    void theNodeThatFindsAnInconsistencySubmitsAVerifiableInvalidationCertificate() {
        Node finder = nodes.get(3);
        LyingBlob b = lyingBlobWithPairZeroOn(finder);
        SuiAddress object = FakeSuiChain.addr(0x61);
        chain.emit(new WalrusEvent.BlobRegistered(EPOCH, b.id(), b.metadata().unencodedLength(), 1, EPOCH + 3, false, object));
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(10)).until(() -> n.store().getBlobInfo(b.id()).isPresent());
        }
        int offset = b.id().rotationOffset(N);
        for (Node n : nodes.subList(0, 3)) {
            assertThat(send("PUT", n.uri("/v1/blobs/" + b.id() + "/metadata"), b.metadata().toBcs()).statusCode()).isEqualTo(201);
            for (int shard : n.shards()) {
                int p = CONFIG.pairForShard(shard, offset);
                for (SliverData s : List.of(b.honest().pair(p).primary(), b.honest().pair(p).secondary())) {
                    assertThat(send("PUT", n.uri("/v1/blobs/" + b.id() + "/slivers/" + p + "/" + s.type().text()), s.toBcs())
                            .statusCode()).isEqualTo(201);
                }
            }
        }

        chain.emit(new WalrusEvent.BlobCertified(EPOCH, b.id(), EPOCH + 3, false, object, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> !chain.writes().isEmpty());
        assertThat(chain.writes()).hasSize(1);
        FakeWrite tx = chain.writes().getFirst();
        assertThat(tx.sender()).isEqualTo(operator.suiAddress());
        Call.InvalidateBlobId call = (Call.InvalidateBlobId) tx.call();
        assertThat(call.message()).isEqualTo(new InvalidBlobIdMessage(EPOCH, b.id()).toBytes());
        List<BlsCommitteeMember> members = new ArrayList<>();
        nodes.forEach(n -> members.add(new BlsCommitteeMember(n.key().publicKey(), n.shards().size())));
        BlsCommittee onChain = new BlsCommittee(EPOCH, members);
        CertificateVerifier.verify(onChain, call.signature(), call.signersBitmap(), call.message(),
                RequiredWeight.ONE_CORRECT_NODE, IntentType.INVALID_BLOB_ID);
        assertThat(SignersBitmap.parse(call.signersBitmap(), 4).isSigner(3)).as("the finder signs too").isTrue();

        assertThat(finder.store().getInconsistencyProof(b.id())).isPresent();
        // counted once the submission returned, a moment after the chain recorded the transaction
        BlobSyncer syncer = finder.ctx().getBean(BlobSyncer.class);
        MeterRegistry registry = finder.ctx().getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(syncer.progress().inconsistentBlobs()).isEqualTo(1);
            assertThat(registry.counter("walrus.invalid.certificates", "result", "submitted").count()).isEqualTo(1.0);
        });
        assertThat(finder.ctx().getBean(InvalidationSubmitter.class)).isInstanceOf(DevnetInvalidationSubmitter.class);
        for (Node n : nodes.subList(0, 3)) {
            assertThat(n.ctx().getBean(InvalidationSubmitter.class)).isInstanceOf(LoggingInvalidationSubmitter.class);
        }

        // the chain's answer: InvalidBlobID; every node reports the blob invalid, the finder's proof is gone
        chain.emit(new WalrusEvent.InvalidBlobId(EPOCH, b.id()));
        for (Node n : nodes) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Json.MAPPER.readTree(
                    new String(send("GET", n.uri("/v1/blobs/" + b.id() + "/status"), null).body()))
                    .get("success").get("data").has("invalid")).isTrue());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> finder.store().getInconsistencyProof(b.id()).isEmpty());
        assertThat(finder.ctx().getBean(BlobSyncer.class).scan()).isZero();
        assertThat(chain.writes()).hasSize(1);
    }
}
