package io.walrusj.storage.api;

import static io.walrusj.storage.api.StorageNodeApiTest.assertError;
import static io.walrusj.storage.api.StorageNodeApiTest.assertPlainText400;
import static io.walrusj.storage.api.StorageNodeApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.EncodingType;
import io.walrusj.core.metadata.SliverPairMetadata;
import io.walrusj.core.recovery.DecodingSymbol;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.recovery.RecoveryOutcome;
import io.walrusj.core.recovery.RecoverySymbol;
import io.walrusj.core.recovery.SliverRecovery;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
import tools.jackson.databind.JsonNode;

/** Recovery symbols, decoding symbols and inconsistency proofs (spec 6.1-6.3) over real HTTP with real encoded blobs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryApiTest {
    static final int N = 10;
    static final long EPOCH = 3;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final SuiAddress NODE = FakeSuiChain.addr(0x0c);
    static final List<Integer> OWNED = List.of(0, 1, 2, 3, 4, 5, 6);
    static final FakeSuiChain CHAIN = NodeChain.start(N, EPOCH, Map.of(NODE, OWNED, FakeSuiChain.addr(0x0d), List.of(7, 8, 9)));
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static int objects = 0x40;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "storage-recovery-test");
    }

    @LocalServerPort
    int port;
    @Autowired
    SliverStore store;
    @Autowired
    NodeState state;

    @BeforeEach
    void chainRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.get().fromChain());
    }

    static EncodedBlob blob(int seed) {
        byte[] data = new byte[2500 + seed];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + seed * 7);
        }
        return new BlobEncoder(CONFIG).encode(data);
    }

    static List<Integer> ownedPairs(BlobId id) {
        int offset = id.rotationOffset(N);
        return IntStream.range(0, N).filter(p -> OWNED.contains(CONFIG.shardForPair(p, offset))).boxed().toList();
    }

    static List<Integer> foreignPairs(BlobId id) {
        int offset = id.rotationOffset(N);
        return IntStream.range(0, N).filter(p -> !OWNED.contains(CONFIG.shardForPair(p, offset))).boxed().toList();
    }

    void register(BlobId id, long length) {
        SuiAddress object = FakeSuiChain.addr(objects++);
        CHAIN.emit(new WalrusEvent.BlobRegistered(EPOCH, id, length, 1, EPOCH + 5, false, object));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.getBlobInfo(id)
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

    /** Registers and uploads metadata and the slivers of every owned pair. */
    EncodedBlob stored(int seed) {
        EncodedBlob b = blob(seed);
        BlobId id = b.blobId();
        register(id, b.metadata().metadata().unencodedLength());
        assertThat(send("PUT", "/v1/blobs/" + id + "/metadata", b.metadata().metadata().toBcs()).statusCode()).isEqualTo(201);
        for (int p : ownedPairs(id)) {
            assertThat(send("PUT", "/v1/blobs/" + id + "/slivers/" + p + "/primary", b.pair(p).primary().toBcs()).statusCode()).isEqualTo(201);
            assertThat(send("PUT", "/v1/blobs/" + id + "/slivers/" + p + "/secondary", b.pair(p).secondary().toBcs()).statusCode()).isEqualTo(201);
        }
        return b;
    }

    static List<GeneralRecoverySymbol> symbols(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
        return BcsReader.decode(r.body(), rd -> rd.sequence(GeneralRecoverySymbol::read));
    }

    // ------------------------------------------------------------------ recovery symbols

    @Test
    void recoverySymbolsVerifyAndRebuildMissingSliversOfBothAxes() {
        EncodedBlob b = stored(1);
        BlobId id = b.blobId();
        BlobMetadata meta = b.metadata().metadata();
        for (int q : foreignPairs(id)) {
            for (SliverType type : SliverType.values()) {
                int target = CONFIG.sliverIndex(type, q);
                List<GeneralRecoverySymbol> got = symbols(send("GET", "/v1/blobs/" + id + "/recoverySymbols?targetSliver="
                        + target + "&targetType=" + type.text() + "&proofAxis=" + type.orthogonal().text(), null));
                assertThat(got).hasSize(OWNED.size());
                for (GeneralRecoverySymbol g : got) {
                    g.verify(CONFIG, meta, target, type);
                    assertThat(g.targetType()).isEqualTo(type);
                    assertThat(g.targetIndex()).isEqualTo(target);
                }
                RecoveryOutcome outcome = SliverRecovery.recover(CONFIG, meta, type, target, got);
                SliverData expected = type == SliverType.PRIMARY ? b.pair(q).primary() : b.pair(q).secondary();
                assertThat(outcome).isInstanceOf(RecoveryOutcome.Recovered.class);
                assertThat(((RecoveryOutcome.Recovered) outcome).sliver().toBcs()).isEqualTo(expected.toBcs());
            }
        }
    }

    @Test
    void recoverySymbolsByIdKeepRequestOrderAndHonourTheProofAxis() {
        EncodedBlob b = stored(2);
        BlobId id = b.blobId();
        BlobMetadata meta = b.metadata().metadata();
        List<Integer> owned = ownedPairs(id);
        int q = foreignPairs(id).getFirst();
        int row = owned.get(0); // primary sliver index of an owned pair
        int col = CONFIG.sliverIndex(SliverType.SECONDARY, owned.get(1));
        int foreignRow = q;
        int foreignCol = CONFIG.sliverIndex(SliverType.SECONDARY, q);
        List<GeneralRecoverySymbol> got = symbols(send("GET", "/v1/blobs/" + id + "/recoverySymbols?id=" + row + "-"
                + foreignCol + "&id=" + foreignRow + "-" + col, null));
        assertThat(got).extracting(GeneralRecoverySymbol::symbolId)
                .containsExactly(new SymbolId(row, foreignCol), new SymbolId(foreignRow, col));
        // first from primary sliver `row` (target: secondary sliver foreignCol), second from secondary sliver `col`
        got.get(0).verify(CONFIG, meta, foreignCol, SliverType.SECONDARY);
        got.get(1).verify(CONFIG, meta, foreignRow, SliverType.PRIMARY);

        // proof axis primary: element (foreignRow, col) needs primary sliver foreignRow, not held here
        assertError(send("GET", "/v1/blobs/" + id + "/recoverySymbols?id=" + foreignRow + "-" + col + "&proofAxis=primary", null),
                400, "FAILED_PRECONDITION", "SYMBOL_NOT_PRESENT_AT_SHARDS");
        // partially servable: the unservable one is skipped
        assertThat(symbols(send("GET", "/v1/blobs/" + id + "/recoverySymbols?id=" + foreignRow + "-" + foreignCol + "&id="
                + row + "-" + col, null))).hasSize(1);
        assertError(send("GET", "/v1/blobs/" + id + "/recoverySymbols?id=" + foreignRow + "-" + foreignCol, null),
                400, "FAILED_PRECONDITION", "SYMBOL_NOT_PRESENT_AT_SHARDS");
    }

    @Test
    void recoverySymbolFilterErrors() {
        EncodedBlob b = stored(3);
        String base = "/v1/blobs/" + b.blobId() + "/recoverySymbols";
        assertError(send("GET", base, null), 400, "FAILED_PRECONDITION", "NO_SYMBOLS_SPECIFIED");
        assertError(send("GET", base + "?id=1-2&targetSliver=1&targetType=primary", null), 400, "INVALID_ARGUMENT", "INVALID_FILTER");
        assertError(send("GET", base + "?targetSliver=1", null), 400, "INVALID_ARGUMENT", "INVALID_FILTER");
        assertError(send("GET", base + "?id=1-10", null), 400, "INVALID_ARGUMENT", "RECOVERY_SYMBOL_OUT_OF_RANGE");
        assertError(send("GET", base + "?targetSliver=10&targetType=primary", null), 400, "INVALID_ARGUMENT",
                "RECOVERY_SYMBOL_OUT_OF_RANGE");
        assertPlainText400(send("GET", base + "?id=x", null));
        assertPlainText400(send("GET", base + "?targetSliver=1&targetType=diagonal", null));
        assertPlainText400(send("GET", base + "?nope=1", null));
        // unknown blob: the sliver lookup fails
        EncodedBlob unknown = blob(99);
        assertError(send("GET", "/v1/blobs/" + unknown.blobId() + "/recoverySymbols?id=0-0", null), 404, "NOT_FOUND",
                "SLIVER_NOT_FOUND");
    }

    // ------------------------------------------------------------------ decoding symbols

    @Test
    void decodingSymbolsRebuildSystematicSlivers() {
        EncodedBlob b = stored(4);
        BlobId id = b.blobId();
        BlobMetadata meta = b.metadata().metadata();
        HttpResponse<byte[]> r = send("GET", "/v1/blobs/" + id + "/decodingSymbols?targetSlivers=1&targetSlivers=0&targetType=primary", null);
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        Map<Integer, List<DecodingSymbol>> map = BcsReader.decode(r.body(), rd -> {
            Map<Integer, List<DecodingSymbol>> m = new java.util.LinkedHashMap<>();
            int len = rd.uleb128AsInt();
            for (int i = 0; i < len; i++) {
                int key = rd.u16();
                m.put(key, rd.sequence(x -> {
                    assertThat(SliverType.read(x)).isEqualTo(SliverType.PRIMARY);
                    return DecodingSymbol.read(x);
                }));
            }
            return m;
        });
        assertThat(map.keySet()).containsExactly(0, 1);
        for (int t : List.of(0, 1)) {
            assertThat(map.get(t)).hasSize(OWNED.size());
            SliverData rebuilt = SliverRecovery.decodeSliver(CONFIG, meta, SliverType.PRIMARY, t, map.get(t));
            rebuilt.verify(CONFIG, meta);
            assertThat(rebuilt.toBcs()).isEqualTo(b.primarySlivers().get(t).toBcs());
        }
        String base = "/v1/blobs/" + id + "/decodingSymbols";
        assertError(send("GET", base + "?targetType=primary", null), 400, "FAILED_PRECONDITION", "NO_TARGET_SLIVERS_SPECIFIED");
        int p = CONFIG.primarySymbols();
        assertError(send("GET", base + "?targetSlivers=" + p + "&targetType=primary", null), 400, "INVALID_ARGUMENT",
                "RECOVERY_SYMBOL_OUT_OF_RANGE");
        assertThat(send("GET", base + "?targetSlivers=" + p + "&targetType=secondary", null).statusCode()).isEqualTo(200);
        assertPlainText400(send("GET", base + "?targetSlivers=1", null));
    }

    // ------------------------------------------------------------------ inconsistency proofs

    /** Inner BCS of a proof (the route takes the struct, not the Primary/Secondary enum). */
    static byte[] inner(InconsistencyProof proof) {
        byte[] full = proof.toBcs();
        return Arrays.copyOfRange(full, 1, full.length);
    }

    @Test
    void validInconsistencyProofIsAnsweredWithASignedInvalidBlobAttestation() {
        EncodedBlob honest = blob(5);
        BlobMetadata honestMeta = honest.metadata().metadata();
        SliverData row0 = honest.primarySlivers().getFirst();
        byte[] forged = row0.data().clone();
        forged[1] ^= 0x7F;
        SliverData forgedRow0 = new SliverData(SliverType.PRIMARY, 0, row0.symbolSize(), forged);
        Node forgedHash = new SliverExpander(CONFIG, row0.symbolSize()).root(forgedRow0);
        List<SliverPairMetadata> hashes = new ArrayList<>(honestMeta.hashes());
        hashes.set(0, new SliverPairMetadata(forgedHash, hashes.getFirst().secondaryHash()));
        BlobMetadata lying = new BlobMetadata(EncodingType.RS2, honestMeta.unencodedLength(), hashes);
        BlobId id = lying.computeBlobId();
        register(id, lying.unencodedLength());
        String path = "/v1/blobs/" + id + "/inconsistencyProof/secondary";

        List<SliverData> rows = new ArrayList<>(honest.primarySlivers());
        rows.set(0, forgedRow0);
        List<GeneralRecoverySymbol> symbols = rows.stream().map(r -> new SliverSymbolSource(CONFIG, r).recoverySymbol(0)).toList();
        InconsistencyProof proof = ((RecoveryOutcome.Inconsistent) SliverRecovery.recover(CONFIG, lying, SliverType.SECONDARY, 0,
                symbols)).proof();

        // metadata not stored yet
        assertError(send("POST", path, inner(proof)), 400, "FAILED_PRECONDITION", "METADATA_NOT_FOUND");
        assertThat(send("PUT", "/v1/blobs/" + id + "/metadata", lying.toBcs()).statusCode()).isEqualTo(201);

        HttpResponse<byte[]> r = send("POST", path, inner(proof));
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        JsonNode data = json(r).get("success").get("data");
        byte[] message = Base64.getDecoder().decode(data.get("serializedMessage").stringValue());
        assertThat(message).isEqualTo(new InvalidBlobIdMessage(EPOCH, id).toBytes());
        BlsSignature sig = BlsSignature.fromBase64(data.get("signature").stringValue());
        BlsPublicKey key = BlsPublicKey.fromBase64(json(send("GET", "/v1/health", null)).get("success").get("data")
                .get("publicKey").stringValue());
        assertThat(key.verify(message, sig)).isTrue();

        // the same bytes posted as a primary proof: the symbols do not verify for that axis
        assertError(send("POST", "/v1/blobs/" + id + "/inconsistencyProof/primary", inner(proof)), 400, "INVALID_ARGUMENT",
                "INVALID_PROOF");
        // honest symbols decode a matching sliver
        List<RecoverySymbol> honestSymbols = honest.primarySlivers().subList(1, 1 + CONFIG.primarySymbols()).stream()
                .map(s -> new SliverSymbolSource(CONFIG, s).recoverySymbol(0).toRecoverySymbol()).toList();
        EncodedBlob good = stored(6);
        List<RecoverySymbol> goodSymbols = good.primarySlivers().subList(0, CONFIG.primarySymbols()).stream()
                .map(s -> new SliverSymbolSource(CONFIG, s).recoverySymbol(2).toRecoverySymbol()).toList();
        String goodPath = "/v1/blobs/" + good.blobId() + "/inconsistencyProof/secondary";
        assertError(send("POST", goodPath, inner(new InconsistencyProof(SliverType.SECONDARY, 2, goodSymbols))), 400,
                "INVALID_ARGUMENT", "INVALID_PROOF");
        // wrong symbol count
        assertError(send("POST", goodPath, inner(new InconsistencyProof(SliverType.SECONDARY, 2, goodSymbols.subList(0, 2)))),
                400, "INVALID_ARGUMENT", "INVALID_PROOF");
        // symbols of another blob
        assertError(send("POST", goodPath, inner(new InconsistencyProof(SliverType.SECONDARY, 0, honestSymbols))), 400,
                "INVALID_ARGUMENT", "INVALID_PROOF");
        // undecodable body
        assertError(send("POST", goodPath, new byte[] {1}), 400, "INVALID_ARGUMENT", "INVALID_CONTENT_TYPE");
        assertPlainText400(send("POST", "/v1/blobs/" + id + "/inconsistencyProof/diagonal", inner(proof)));
    }
}
