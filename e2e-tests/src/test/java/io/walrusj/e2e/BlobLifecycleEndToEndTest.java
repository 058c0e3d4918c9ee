package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.ChainInfo;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.devnet.Executed;
import io.walrusj.chain.model.BlsCommittee;
import io.walrusj.chain.model.BlsCommitteeMember;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full blob lifecycle through the real devnet, seen by the real chain-indexer: both Spring
 * Boot applications run in this JVM (each with its own embedded PostgreSQL and data directory, on
 * random ports); the indexer follows the devnet over JSON-RPC. The devnet's genesis committee has
 * four storage nodes whose BLS keys are generated here, so certificates are real BLS aggregates.
 * Every step is a signed transaction sent with chain-client's {@link DevnetClient}; after each one
 * the indexer's REST API is polled (bounded) until it shows the Walrus {@code BlobStatus} the step
 * must produce.
 *
 * <p>Both applications ship an {@code application.yaml} and a {@code db/migration} folder at the
 * same class-path location, so in one class path each would see the other's. Each context
 * therefore gets its own copy of exactly its module's files ({@code spring.config.location},
 * {@code spring.flyway.locations}), taken from the code source of its application class.
 */
@Timeout(120)
class BlobLifecycleEndToEndTest {
    static final String DEVNET_APP = "io.walrusj.devnet.DevnetApplication";
    static final String INDEXER_APP = "io.walrusj.indexer.IndexerApplication";
    static final int N_SHARDS = 10;
    static final List<BlsKeyPair> NODE_KEYS = List.of(blsKey(1), blsKey(2), blsKey(3), blsKey(4));
    static final Ed25519KeyPair USER = Ed25519KeyPair.fromSeed(seed(7));
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    static Path work;
    static ConfigurableApplicationContext devnet;
    static ConfigurableApplicationContext indexer;
    static DevnetClient chain;
    static SuiRpcClient rpc;
    static URI indexerUrl;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = JsonMapper.builder().build();
    static final EncodingConfig ENCODING = new EncodingConfig(N_SHARDS);
    static final Random random = new Random(42);

    @BeforeAll
    static void startDevnetAndIndexer() throws Exception {
        work = Files.createTempDirectory("walrusj-e2e-");

        Map<String, Object> devnetProps = new LinkedHashMap<>(ownResources(DEVNET_APP, work.resolve("devnet-resources")));
        devnetProps.put("server.port", "0");
        devnetProps.put("devnet.data-dir", work.resolve("devnet").toString());
        devnetProps.put("devnet.genesis.n-shards", String.valueOf(N_SHARDS));
        devnetProps.put("devnet.genesis.epoch-duration", "1h"); // epochs advance only by AdvanceEpoch
        devnetProps.put("devnet.genesis.funded-accounts." + USER.suiAddress(), "1000000000000");
        devnetProps.put("devnet.genesis.admin", USER.suiAddress().toString()); // sends AdvanceEpoch (step 8)
        for (int i = 0; i < NODE_KEYS.size(); i++) {
            String prefix = "devnet.genesis.committee[" + i + "].";
            devnetProps.put(prefix + "name", "node-" + i);
            devnetProps.put(prefix + "network-address", "127.0.0.1:" + (9100 + i));
            devnetProps.put(prefix + "bls-public-key", NODE_KEYS.get(i).publicKey().toBase64());
            byte[] operator = new byte[32];
            operator[0] = 1;
            operator[31] = (byte) i;
            devnetProps.put(prefix + "operator", SuiAddress.of(operator).toString());
            devnetProps.put(prefix + "stake", "1000000000");
        }
        devnet = new SpringApplicationBuilder(Class.forName(DEVNET_APP)).run(args(devnetProps));
        assertThat(devnet.getEnvironment().getProperty("devnet.data-dir")).isEqualTo(devnetProps.get("devnet.data-dir"));
        URI devnetUrl = URI.create("http://127.0.0.1:" + port(devnet) + "/");

        Map<String, Object> indexerProps = new LinkedHashMap<>(ownResources(INDEXER_APP, work.resolve("indexer-resources")));
        indexerProps.put("server.port", "0");
        indexerProps.put("indexer.rpc-url", devnetUrl.toString());
        indexerProps.put("indexer.network", "custom"); // IDs from devnet_getChainInfo
        indexerProps.put("indexer.data-dir", work.resolve("indexer").toString());
        indexerProps.put("indexer.follow.poll-interval", "100ms");
        indexer = new SpringApplicationBuilder(Class.forName(INDEXER_APP)).run(args(indexerProps));
        assertThat(indexer.getEnvironment().getProperty("indexer.data-dir")).isEqualTo(indexerProps.get("indexer.data-dir"));
        assertThat(indexer.getEnvironment().getProperty("indexer.rpc-url")).isEqualTo(devnetUrl.toString());
        indexerUrl = URI.create("http://127.0.0.1:" + port(indexer) + "/");

        chain = DevnetClient.create(devnetUrl);
        rpc = SuiRpcClient.builder(devnetUrl).build();
    }

    @AfterAll
    static void stop() {
        if (chain != null) {
            chain.close();
        }
        if (indexer != null) {
            indexer.close();
        }
        if (devnet != null) {
            devnet.close();
        }
        if (work != null) { // both PostgreSQL servers are stopped with their contexts
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException e) {
                // leave it to the OS's temp cleanup
            }
        }
    }

    @Test
    void fullBlobLifecycleIsSeenByTheIndexer() throws Exception {
        ChainInfo info = chain.chainInfo();
        assertThat(info.nShards()).isEqualTo(N_SHARDS);
        assertThat(info.epoch()).isEqualTo(1);
        WalrusChainReader reader = new WalrusChainReader(rpc,
                WalrusNetwork.custom("devnet", info.packageId(), info.systemObjectId(), info.stakingObjectId()));
        BlsCommittee committee = reader.systemState().committee();
        assertThat(committee.members()).hasSize(NODE_KEYS.size());
        assertThat(committee.nShards()).isEqualTo(N_SHARDS);

        // The indexer discovered the devnet and saw genesis (epoch 1).
        JsonNode epoch = awaitJson("/v1/epochs/current", e -> e.get("epoch").asLong() == 1);
        assertThat(epoch.get("epoch").asLong()).isEqualTo(1);
        assertThat(get("/v1/indexer").body()).contains(info.packageId().toString().substring(2));

        // 1. Register a permanent blob (storage for epochs [1, 4)): permanent, not certified.
        EncodedBlob a = encode(1024);
        SuiAddress aObject = register(a, 3, false);
        JsonNode status = awaitStatus(a.blobId(), s -> s.has("permanent"));
        assertThat(status.get("permanent").get("isCertified").asBoolean()).isFalse();
        assertThat(status.get("permanent").get("endEpoch").asLong()).isEqualTo(4);
        JsonNode objects = getJson("/v1/blobs/" + a.blobId() + "/objects").get("objects");
        assertThat(objects).hasSize(1);
        assertThat(objects.get(0).get("objectId").asString()).isEqualTo(aObject.toString());
        assertThat(objects.get(0).get("owner").asString()).isEqualTo(USER.suiAddress().toString());
        assertThat(objects.get(0).get("deletable").asBoolean()).isFalse();
        assertThat(objects.get(0).get("certifiedEpoch").isNull()).isTrue();

        // 2. Certify it with a real quorum certificate (all four nodes' BLS signatures).
        byte[] certMessage = StorageConfirmationMessage.permanent(1, a.blobId()).toBytes();
        Certificate quorum = certificate(certMessage, committee, committee.members().size());
        Executed certified = chain.execute(USER, new Call.CertifyBlob(aObject, quorum.signature().toBytes(),
                quorum.signers().toBytes(), certMessage));
        assertThat(certified.events("::events::BlobCertified")).hasSize(1);
        status = awaitStatus(a.blobId(), s -> s.has("permanent") && s.get("permanent").get("isCertified").asBoolean());
        assertThat(status.get("permanent").get("initialCertifiedEpoch").asLong()).isEqualTo(1);
        assertThat(status.get("permanent").get("endEpoch").asLong()).isEqualTo(4);
        assertThat(status.get("permanent").get("statusEvent").get("txDigest").asString()).isEqualTo(certified.digest());

        // 3. Extend it by 2 epochs: still certified, end epoch 6.
        chain.execute(USER, new Call.ExtendBlob(aObject, 2));
        status = awaitStatus(a.blobId(), s -> s.has("permanent") && s.get("permanent").get("endEpoch").asLong() == 6);
        assertThat(status.get("permanent").get("isCertified").asBoolean()).isTrue();
        assertThat(getJson("/v1/objects/" + aObject).get("endEpoch").asLong()).isEqualTo(6);

        // 4. A deletable object of the same blob ID shows up in the counts, certified or not.
        SuiAddress aDeletable = register(a, 2, true);
        status = awaitStatus(a.blobId(), s -> deletableCounts(s, "permanent")[0] == 1);
        assertThat(deletableCounts(status, "permanent")).containsExactly(1, 0);
        byte[] deletableMessage = StorageConfirmationMessage.deletable(1, a.blobId(), aDeletable).toBytes();
        Certificate deletableCert = certificate(deletableMessage, committee, committee.members().size());
        chain.execute(USER, new Call.CertifyBlob(aDeletable, deletableCert.signature().toBytes(),
                deletableCert.signers().toBytes(), deletableMessage));
        status = awaitStatus(a.blobId(), s -> deletableCounts(s, "permanent")[1] == 1);
        assertThat(deletableCounts(status, "permanent")).containsExactly(1, 1);
        assertThat(getJson("/v1/blobs/" + a.blobId() + "/objects").get("objects")).hasSize(2);

        // 5. Delete the deletable object: counts back to 0, the permanent status unchanged.
        Executed deleted = chain.execute(USER, new Call.DeleteBlob(aDeletable));
        assertThat(deleted.objectChanges()).anyMatch(c -> c.isDeleted() && c.objectId().equals(aDeletable));
        status = awaitStatus(a.blobId(), s -> deletableCounts(s, "permanent")[0] == 0);
        assertThat(deletableCounts(status, "permanent")).containsExactly(0, 0);
        assertThat(status.get("permanent").get("endEpoch").asLong()).isEqualTo(6);
        assertThat(status.get("permanent").get("isCertified").asBoolean()).isTrue();
        assertThat(getJson("/v1/objects/" + aDeletable).get("deleted").asBoolean()).isTrue();

        // 6. A blob ID with only a deletable object: "deletable"; deleting it makes it "nonexistent".
        EncodedBlob b = encode(3000);
        SuiAddress bObject = register(b, 2, true);
        status = awaitStatus(b.blobId(), s -> s.has("deletable"));
        assertThat(status.get("deletable").get("deletableCounts").get("count_deletable_total").asLong()).isEqualTo(1);
        assertThat(status.get("deletable").get("deletableCounts").get("count_deletable_certified").asLong()).isEqualTo(0);
        chain.execute(USER, new Call.DeleteBlob(bObject));
        awaitStatus(b.blobId(), s -> s.isString() && s.asString().equals("nonexistent"));

        // 7. Invalidate a registered blob ID with a one-correct-node (f + 1 shards) certificate.
        EncodedBlob c = encode(512);
        SuiAddress cObject = register(c, 2, false);
        awaitStatus(c.blobId(), s -> s.has("permanent"));
        byte[] invalidMessage = new InvalidBlobIdMessage(1, c.blobId()).toBytes();
        assertThat(invalidMessage[0]).isEqualTo((byte) 2); // intent INVALID_BLOB_ID
        int oneCorrect = (N_SHARDS - 1) / 3 + 1;
        int signers = 0;
        for (int weight = 0; weight < oneCorrect; signers++) {
            weight += committee.members().get(signers).weight();
        }
        assertThat(signers).isLessThan(committee.members().size()); // less than a quorum signs
        Certificate invalidCert = certificate(invalidMessage, committee, signers);
        Executed invalidated = chain.execute(USER, new Call.InvalidateBlobId(invalidCert.signature().toBytes(),
                invalidCert.signers().toBytes(), invalidMessage));
        status = awaitStatus(c.blobId(), s -> s.has("invalid"));
        assertThat(status.get("invalid").get("event").get("txDigest").asString()).isEqualTo(invalidated.digest());
        assertThat(getJson("/v1/objects/" + cObject).get("invalid").asBoolean()).isTrue();

        // 8. A certified blob with storage for epoch 1 only expires when the epoch advances.
        EncodedBlob d = encode(2048);
        SuiAddress dObject = register(d, 1, false);
        byte[] dMessage = StorageConfirmationMessage.permanent(1, d.blobId()).toBytes();
        Certificate dCert = certificate(dMessage, committee, committee.members().size());
        chain.execute(USER, new Call.CertifyBlob(dObject, dCert.signature().toBytes(), dCert.signers().toBytes(), dMessage));
        status = awaitStatus(d.blobId(), s -> s.has("permanent") && s.get("permanent").get("isCertified").asBoolean());
        assertThat(status.get("permanent").get("endEpoch").asLong()).isEqualTo(2);

        chain.execute(USER, new Call.AdvanceEpoch());
        assertThat(chain.chainInfo().epoch()).isEqualTo(2);
        epoch = awaitJson("/v1/epochs/current", e -> e.get("epoch").asLong() == 2);
        awaitStatus(d.blobId(), s -> s.isString() && s.asString().equals("nonexistent"));
        assertThat(getJson("/v1/objects/" + dObject).get("expired").asBoolean()).isTrue();
        JsonNode dBlob = getJson("/v1/blobs/" + d.blobId());
        assertThat(dBlob.get("epoch").asLong()).isEqualTo(2);
        // The extended blob lives on; the invalid one stays invalid.
        status = blobStatus(a.blobId());
        assertThat(status.get("permanent").get("isCertified").asBoolean()).isTrue();
        assertThat(status.get("permanent").get("endEpoch").asLong()).isEqualTo(6);
        assertThat(blobStatus(c.blobId()).has("invalid")).isTrue();

        // 9. The event log holds every chain event once, in order, numbered 1..n.
        List<JsonNode> events = allIndexedEvents();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).get("id").asLong()).isEqualTo(i + 1);
        }
        List<String> names = events.stream().map(e -> e.get("name").asString()).toList();
        assertThat(names).contains("BlobRegistered", "BlobCertified", "BlobDeleted", "InvalidBlobID",
                "EpochChangeStart", "EpochChangeDone");
        assertThat(names.stream().filter("BlobRegistered"::equals).count()).isEqualTo(5);
        assertThat(names.stream().filter("BlobCertified"::equals).count()).isEqualTo(4); // incl. the extension
        assertThat(names.stream().filter("BlobDeleted"::equals).count()).isEqualTo(2);
        assertThat(names.stream().filter("InvalidBlobID"::equals).count()).isEqualTo(1);
        assertThat(events.size()).isEqualTo(countChainEvents(info));

        // Never-registered blob IDs are unknown to the indexer.
        assertThat(get("/v1/blobs/" + encode(100).blobId()).statusCode()).isEqualTo(404);
    }

    // ---- chain side --------------------------------------------------------------------------

    private static EncodedBlob encode(int size) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        return new BlobEncoder(ENCODING).encode(data);
    }

    /** Reserves storage for {@code epochsAhead} epochs and registers the blob into it; returns the Blob object. */
    private static SuiAddress register(EncodedBlob blob, long epochsAhead, boolean deletable) {
        long size = blob.metadata().metadata().unencodedLength();
        Executed space = chain.execute(USER, new Call.ReserveSpace(ENCODING.encodedLength(size), epochsAhead));
        Executed registered = chain.execute(USER, new Call.RegisterBlob(space.createdOne("::storage_resource::Storage"),
                blob.blobId(), blob.metadata().metadata().rootHash().bytes(), size, 1, deletable));
        assertThat(registered.events("::events::BlobRegistered")).hasSize(1);
        return registered.createdOne("::blob::Blob");
    }

    /** Signs with the first {@code signers} committee members (by index) and aggregates. */
    private static Certificate certificate(byte[] message, BlsCommittee committee, int signers) {
        Map<Integer, BlsSignature> signatures = new HashMap<>();
        for (int index = 0; index < signers; index++) {
            BlsCommitteeMember member = committee.members().get(index);
            BlsKeyPair key = NODE_KEYS.stream()
                    .filter(k -> Arrays.equals(k.publicKey().toBytes(), member.publicKey()) // compressed or as stored on chain
                            || Arrays.equals(k.publicKey().toUncompressedBytes(), member.publicKey()))
                    .findFirst().orElseThrow(() -> new AssertionError("no generated key for committee member " + member));
            signatures.put(index, key.sign(message));
        }
        return Certificate.aggregate(message, committee.members().size(), signatures);
    }

    /** Walrus events on the devnet, read with Sui's event query (as the indexer does). */
    private static long countChainEvents(ChainInfo info) throws Exception {
        String filter = "{\"MoveEventModule\":{\"package\":\"" + info.packageId() + "\",\"module\":\"events\"}}";
        long count = 0;
        String cursor = "null";
        while (true) {
            String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"suix_queryEvents\",\"params\":[" + filter + ", "
                    + cursor + ", 50, false]}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(chain.rpc().endpoint())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode page = json.readTree(response.body()).get("result");
            count += page.get("data").size();
            if (!page.get("hasNextPage").asBoolean()) {
                return count;
            }
            cursor = page.get("nextCursor").toString();
        }
    }

    // ---- indexer side ------------------------------------------------------------------------

    private static JsonNode blobStatus(BlobId blobId) throws Exception {
        return getJson("/v1/blobs/" + blobId).get("status");
    }

    /** Polls {@code GET /v1/blobs/{id}} until its {@code status} satisfies the condition. */
    private static JsonNode awaitStatus(BlobId blobId, Predicate<JsonNode> condition) {
        return awaitJson("/v1/blobs/" + blobId, b -> condition.test(b.get("status"))).get("status");
    }

    private static JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await("indexer " + path).atMost(STEP_TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .untilAsserted(() -> {
                    HttpResponse<String> response = get(path);
                    assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(200);
                    last[0] = json.readTree(response.body());
                    assertThat(condition.test(last[0])).as("%s: %s", path, last[0]).isTrue();
                });
        return last[0];
    }

    private static long[] deletableCounts(JsonNode status, String variant) {
        if (!status.has(variant)) {
            return new long[] {-1, -1};
        }
        JsonNode counts = status.get(variant).get("deletableCounts");
        return new long[] {counts.get("count_deletable_total").asLong(), counts.get("count_deletable_certified").asLong()};
    }

    private static List<JsonNode> allIndexedEvents() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = getJson("/v1/events?after=" + after + "&limit=1000");
            page.get("events").forEach(events::add);
            if (page.get("events").isEmpty()) {
                return events;
            }
            after = page.get("next").asLong();
        }
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(indexerUrl.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- setup helpers -----------------------------------------------------------------------

    /**
     * Command-line arguments, which (unlike default properties) override the application.yaml
     * defaults: otherwise port, data directory and RPC URL would be the shared defaults.
     */
    private static String[] args(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /**
     * Copies the application's own {@code application.yaml} and {@code db/migration/*} (from the
     * directory or plain jar holding its main class) to {@code target} and returns the properties
     * that make its context read only those.
     */
    private static Map<String, Object> ownResources(String applicationClass, Path target) throws Exception {
        Path source = Path.of(Class.forName(applicationClass).getProtectionDomain().getCodeSource().getLocation().toURI());
        Path migrations = Files.createDirectories(target.resolve("db/migration"));
        if (Files.isDirectory(source)) {
            Files.copy(source.resolve("application.yaml"), target.resolve("application.yaml"));
            try (Stream<Path> files = Files.list(source.resolve("db/migration"))) {
                for (Path file : files.toList()) {
                    Files.copy(file, migrations.resolve(file.getFileName().toString()));
                }
            }
        } else {
            try (ZipFile jar = new ZipFile(source.toFile())) {
                for (ZipEntry entry : jar.stream().toList()) {
                    String name = entry.getName();
                    boolean migration = name.startsWith("db/migration/") && !entry.isDirectory();
                    if (name.equals("application.yaml") || migration) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            Files.copy(in, target.resolve(name));
                        }
                    }
                }
            }
        }
        assertThat(target.resolve("application.yaml")).as("application.yaml of %s", applicationClass).exists();
        return Map.of(
                "spring.config.location", "file:" + target.resolve("application.yaml"),
                "spring.flyway.locations", "filesystem:" + migrations);
    }

    private static BlsKeyPair blsKey(int i) {
        return BlsKeyPair.fromSeed(seed(i));
    }

    private static byte[] seed(int i) {
        byte[] seed = new byte[32];
        seed[0] = (byte) i;
        seed[31] = (byte) 0xe2;
        return seed;
    }
}
