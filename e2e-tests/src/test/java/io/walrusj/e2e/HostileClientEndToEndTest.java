package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.devnet.TransactionRejectedException;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.e2e.net.ListeningSockets;
import io.walrusj.e2e.net.LocalNetwork;
import io.walrusj.e2e.net.RawHttp;
import io.walrusj.e2e.net.ServiceProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12's hostile-client findings, reproduced against the real processes of the shared
 * {@link LocalNetwork} (loopback only): each test fails if its finding comes back. Slow and trickling
 * clients are raw sockets ({@link RawHttp}); an "attacker" connects from 127.0.0.2 so the services see
 * a client other than the test's normal requests (127.0.0.1). Every wait is bounded and ends on an
 * observed answer. Also the probe's "held" items at the gateway: request smuggling, oversize headers,
 * a spoofed {@code X-Forwarded-For}.
 */
@Timeout(1200)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileClientEndToEndTest {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The loopback address slow and hostile clients connect from. */
    static final String ATTACKER = "127.0.0.2";
    static final Duration READ = Duration.ofSeconds(60);

    static LocalNetwork net;
    static SuiRpcClient rpc;
    static DevnetClient devnet;

    @BeforeAll
    static void network() {
        net = LocalNetwork.shared();
        rpc = SuiRpcClient.create(net.devnetUrl());
        devnet = new DevnetClient(rpc);
    }

    @AfterAll
    static void close() {
        if (rpc != null) {
            rpc.close();
        }
    }

    // ================================================================== item 9: loopback by default

    @Test
    @Order(1)
    void everyProcessListensOnLoopbackOnly() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("devnet", net.devnetUrl().getPort());
        ports.put("indexer", net.indexerUrl().getPort());
        for (int i = 0; i < net.nodeCount(); i++) {
            ports.put("node-" + i, net.node(i).port());
        }
        ports.put("encoder", net.encoderUrl().getPort());
        ports.put("gateway", net.gatewayUrl().getPort());
        ports.forEach((name, port) -> {
            List<ListeningSockets.Listener> listeners = ListeningSockets.onPort(port);
            assertThat(listeners).as("%s listens on %d", name, port).isNotEmpty();
            assertThat(listeners).as("%s's sockets on its port", name).allMatch(ListeningSockets.Listener::loopback);
            // and whatever else the process listens on (a management port, JMX, ...)
            long pid = ListeningSockets.ownerPid(port).orElseThrow();
            assertThat(ListeningSockets.ofProcess(pid)).as("every listening socket of %s (pid %d)", name, pid)
                    .isNotEmpty().allMatch(ListeningSockets.Listener::loopback);
        });
    }

    // ================================================================== item 11: JSON error bodies

    @Test
    @Order(2)
    void anEncodedPathTraversalGetsAJson400FromNodeEncoderAndDevnet() {
        Map<String, URI> services = Map.of("node-0", net.node(0).url(), "encoder", net.encoderUrl(),
                "devnet", URI.create("http://127.0.0.1:" + net.devnetUrl().getPort()));
        for (String target : List.of("/v1/blobs/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd")) {
            services.forEach((name, url) -> {
                RawHttp.Response r = RawHttp.exchange(url, "GET", target, Map.of(), new byte[0], READ);
                assertThat(r.status()).as("%s %s: %s", name, target, r).isEqualTo(400);
                assertThat(r.header("content-type")).as("%s %s: %s", name, target, r).hasValueSatisfying(
                        t -> assertThat(t).contains("json"));
                assertThat(JSON.readTree(r.body()).isObject()).as("%s %s: %s", name, target, r).isTrue();
            });
        }
    }

    // ================================================================== item 7: JSON-RPC bounds

    @Test
    @Order(3)
    void aJsonRpcBatchOf100000RequestsIsRefusedWithoutAnsweringEach() throws Exception {
        String one = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"devnet_getChainInfo\",\"params\":[]}";
        // the probe's 100,000 entries (6.7 MB, over the body limit), and 5,000 (under it, over the batch limit)
        for (int entries : new int[] {100_000, 5_000}) {
            String batch = "[" + String.join(",", java.util.Collections.nCopies(entries, one)) + "]";
            RawHttp.Response r = rpcPost(batch.getBytes(StandardCharsets.UTF_8));
            assertThat(r.body().length()).as("answer to a %d-entry batch: %s", entries, head(r.body())).isLessThan(4096);
            assertRefused(r, entries > 10_000 ? 413 : 200, -32600);
        }
        // a batch within Sui's 50 is still answered entry by entry
        String small = "[" + String.join(",", java.util.Collections.nCopies(50, one)) + "]";
        RawHttp.Response ok = rpcPost(small.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).size()).isEqualTo(50);
    }

    @Test
    @Order(3)
    void aHugeMethodNameIsNotEchoed() throws Exception {
        // the probe's 50 MB (over the body limit) and 900 kB (read, answered "method not found")
        for (int length : new int[] {50 << 20, 900_000}) {
            byte[] prefix = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] suffix = "\",\"params\":[]}".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[prefix.length + length + suffix.length];
            System.arraycopy(prefix, 0, body, 0, prefix.length);
            Arrays.fill(body, prefix.length, prefix.length + length, (byte) 'm');
            System.arraycopy(suffix, 0, body, body.length - suffix.length, suffix.length);
            RawHttp.Response r = rpcPost(body);
            assertThat(r.body().length()).as("answer to a %d-byte method name: %s", length, head(r.body())).isLessThan(4096);
            assertThat(r.body()).doesNotContain("m".repeat(1000));
            assertRefused(r, length > 1 << 20 ? 413 : 200, -32601);
        }
    }

    @Test
    @Order(3)
    void anOutOfRangeQueryEventsLimitIsInvalidParams() throws Exception {
        RawHttp.Response r = rpcPost(("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"suix_queryEvents\","
                + "\"params\":[{\"All\":[]},null,99999999999,false]}").getBytes(StandardCharsets.UTF_8));
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asInt()).as(r.body()).isEqualTo(-32602);
    }

    // ================================================================== items 1 and 2: devnet ledger
    // (last: were AdvanceEpoch open again, the epoch change it makes would disturb the tests after it)

    @Test
    @Order(12)
    void aFaucetOverflowIsRejectedAndLeavesBalanceAndStateUnchanged() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        devnet.execute(key, new Call.Faucet(key.suiAddress(), 1_000));
        long checkpoint = checkpoint();
        String digest = stateDigest();

        // the probe: 2^63-1 to self, then 2^63 (as a u64); at least the second must be refused
        Long maxAccepted = null;
        try {
            devnet.execute(key, new Call.Faucet(key.suiAddress(), Long.MAX_VALUE));
            maxAccepted = Long.MAX_VALUE;
        } catch (TransactionRejectedException e) {
            // capped by configuration: refused before anything is applied
        }
        assertThatThrownBy(() -> devnet.execute(key, new Call.Faucet(key.suiAddress(), Long.MIN_VALUE)))
                .isInstanceOf(TransactionRejectedException.class);
        assertThat(maxAccepted).as("2^63-1 FROST from the faucet in one call").isNull();
        assertThat(devnet.balance(key.suiAddress())).isEqualTo(1_000);
        if (checkpoint() == checkpoint) { // nobody else's transaction ran meanwhile
            assertThat(stateDigest()).isEqualTo(digest);
        }
    }

    @Test
    @Order(12)
    void advanceEpochFromARandomFundedKeyIsRefused() {
        Ed25519KeyPair stranger = Ed25519KeyPair.generate();
        devnet.execute(stranger, new Call.Faucet(stranger.suiAddress(), 1_000_000_000_000L));
        long epoch = devnet.chainInfo().epoch();
        assertThatThrownBy(() -> devnet.execute(stranger, new Call.AdvanceEpoch()))
                .isInstanceOfSatisfying(TransactionRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo("ENotAuthorized"));
        assertThat(devnet.chainInfo().epoch()).isEqualTo(epoch);
    }

    // ================================================================== item 8: concat bounds

    @Test
    @Order(5)
    void aConcatOf3000IdsIsRefusedQuickly() throws Exception {
        String id = storedBlobId(LocalNetwork.randomBlob(5_000, 80801));
        net.awaitNodesReportCertified(id, true); // the publisher stores deletable blobs unless permanent=true
        String ids = String.join(",", java.util.Collections.nCopies(3000, "\"" + id + "\""));
        for (URI base : List.of(net.gatewayUrl(), net.encoderUrl())) {
            long start = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1alpha/blobs/concat"))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[" + ids + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(r.statusCode()).as("%s: %s", base, head(r.body())).isIn(400, 413);
            assertThat(seconds).as("answered after %.1f s", seconds).isLessThan(5);
            assertThat(r.body().length()).isLessThan(64 * 1024);
        }
    }

    // ================================================================== item 6: pending buffer

    @Test
    @Order(6)
    void garbagePendingSliversAfterValidMetadataAreRejected() throws Exception {
        URI node = net.node(0).url();
        EncodingConfig config = new EncodingConfig(net.config().nShards());
        EncodedBlob blob = new BlobEncoder(config).encode(LocalNetwork.randomBlob(10_000, 60601)); // never registered
        String id = blob.blobId().toString();
        assertThat(put(node, "/v1/blobs/" + id + "/metadata?pending=true", blob.metadata().metadata().toBcs()).statusCode())
                .isIn(200, 202);
        List<Integer> pairs = pairsOf(0, blob);
        assertThat(pairs).isNotEmpty();
        int metadataSymbolSize = blob.primarySlivers().getFirst().symbolSize();

        // the probe: slivers of the largest symbol size (4.39 MB each) against metadata of a small blob
        byte[] garbage = new byte[config.sliverLength(SliverType.PRIMARY, 65_534)];
        new java.util.Random(6).nextBytes(garbage);
        for (int i = 0; i < 10; i++) {
            int pair = pairs.get(i % pairs.size());
            SliverData fake = new SliverData(SliverType.PRIMARY, config.sliverIndex(SliverType.PRIMARY, pair), 65_534, garbage);
            HttpResponse<String> r = put(node, sliverPath(id, pair, SliverType.PRIMARY) + "?pending=true", fake.toBcs());
            assertThat(r.statusCode()).as("oversized garbage sliver %d: %s", i, r.body()).isEqualTo(400);
            assertThat(r.body()).contains("INVALID_SLIVER");
        }
        // the metadata's size and symbol size, but not the encoding of this blob
        int pair = pairs.getFirst();
        SliverData real = blob.pair(pair).primary();
        byte[] wrong = real.data().clone();
        wrong[0] ^= 1;
        HttpResponse<String> forged = put(node, sliverPath(id, pair, SliverType.PRIMARY) + "?pending=true",
                new SliverData(SliverType.PRIMARY, real.index(), metadataSymbolSize, wrong).toBcs());
        assertThat(forged.statusCode()).as("a sliver not matching the metadata's hashes: %s", forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("INVALID_SLIVER");

        // the real sliver is still buffered, and another blob's pending upload is not refused as saturated
        HttpResponse<String> buffered = put(node, sliverPath(id, pair, SliverType.PRIMARY) + "?pending=true", real.toBcs());
        assertThat(buffered.statusCode()).as(buffered.body()).isEqualTo(202);
        EncodedBlob other = new BlobEncoder(config).encode(LocalNetwork.randomBlob(10_000, 60602));
        assertThat(put(node, "/v1/blobs/" + other.blobId() + "/metadata?pending=true", other.metadata().metadata().toBcs())
                .statusCode()).isIn(200, 202);
        int otherPair = pairsOf(0, other).getFirst();
        HttpResponse<String> accepted = put(node, sliverPath(other.blobId().toString(), otherPair, SliverType.PRIMARY)
                + "?pending=true", other.pair(otherPair).primary().toBcs());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    // ================================================================== held: smuggling, headers, X-Forwarded-For

    @Test
    @Order(7)
    void conflictingContentLengthAndTransferEncodingAtTheGatewayAreRefusedAndTheConnectionClosed() throws Exception {
        URI gateway = net.gatewayUrl();
        String smuggled = "GET /v1/blobs/" + storedBlobId(LocalNetwork.randomBlob(100, 70701))
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String chunkedEnd = "0\r\n\r\n" + smuggled;
        List<String> requests = List.of(
                // CL.TE: a front end honouring Content-Length would pass the smuggled request on as body
                "PUT /v1/blobs?epochs=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + chunkedEnd.length()
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedEnd,
                // TE.CL
                "PUT /v1/blobs?epochs=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                        + Integer.toHexString(smuggled.length()) + "\r\n" + smuggled + "\r\n0\r\n\r\n",
                // two different lengths
                "PUT /v1/blobs?epochs=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nContent-Length: "
                        + smuggled.length() + "\r\n\r\n" + smuggled);
        for (String request : requests) {
            try (Socket s = RawHttp.connect(gateway, Duration.ofSeconds(30))) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                RawHttp.Response r = RawHttp.read(s);
                assertThat(r.status()).as("%s -> %s", request.lines().toList(), r).isEqualTo(400);
                // nothing after the refusal: the smuggled request is never answered
                RawHttp.Response next = RawHttp.read(s);
                assertThat(next.status()).as("a second answer on the connection: %s", next).isEqualTo(-1);
            }
        }
        assertThat(HTTP.send(HttpRequest.newBuilder(gateway.resolve("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void oversizeHeadersAtTheGatewayAre431AndTheConnectionClosed() throws Exception {
        URI gateway = net.gatewayUrl();
        for (Map<String, String> headers : List.of(Map.of("X-Big", "a".repeat(70_000)),
                manyHeaders(2_000))) {
            try (Socket s = RawHttp.open(gateway, "GET", "/v1/blobs/AAAA", headers, Duration.ofSeconds(30))) {
                RawHttp.Response r = RawHttp.read(s);
                assertThat(r.status()).as(r.toString()).isIn(431, 400);
            }
        }
        RawHttp.Response longUri = RawHttp.exchange(gateway, "GET", "/v1/blobs/" + "A".repeat(100_000), Map.of(),
                new byte[0], Duration.ofSeconds(30));
        assertThat(longUri.status()).as(longUri.toString()).isIn(414, 431, 400);
        assertThat(HTTP.send(HttpRequest.newBuilder(gateway.resolve("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    /**
     * The shared network's gateway runs without rate limits; a second gateway in front of the same
     * encoder, with a small read burst, shows that a client cannot get a fresh bucket by writing
     * another {@code X-Forwarded-For}.
     */
    @Test
    @Order(7)
    void aSpoofedXForwardedForDoesNotEscapeTheRateLimit() throws Exception {
        Path jar = repositoryRoot().resolve("gateway-service/target/gateway-service-0.1.0-SNAPSHOT.jar");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServiceProcess limited = new ServiceProcess("gateway-rate-limited", jar,
                List.of("-Xmx256m", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")),
                List.of("--gateway.encoder-urls=" + net.encoderUrl(), "--gateway.indexer-url=" + net.indexerUrl(),
                        "--gateway.cache.enabled=false", "--gateway.rate-limit.enabled=true",
                        "--gateway.rate-limit.reads.burst=3", "--gateway.rate-limit.reads.replenish-per-second=1"),
                port, Files.createDirectories(net.workDir().resolve("logs")));
        try {
            limited.start();
            limited.awaitHttp("/actuator/health", r -> r.statusCode() == 200, Duration.ofSeconds(180));
            String missing = randomBlobId(90901);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(HTTP.send(HttpRequest.newBuilder(limited.url().resolve("/v1/blobs/" + missing))
                        .header("X-Forwarded-For", "10.1.2." + i).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            assertThat(statuses).as("10 reads, each claiming another X-Forwarded-For").contains(429);
        } finally {
            limited.stop();
        }
    }

    // ================================================================== item 3: gateway circuit breaker

    @Test
    @Order(8)
    void trickledThenAbandonedUploadsDoNotMakeTheNextStores503() throws Exception {
        URI gateway = net.gatewayUrl();
        store(LocalNetwork.randomBlob(1_000, 30300)); // warm
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                slow.add(RawHttp.open(gateway, "PUT", "/v1/blobs?epochs=1", Map.of("Content-Type", "application/octet-stream",
                        "Content-Length", "1000000"), READ, ATTACKER));
            }
            awaitAttackerRefused(gateway, 30400);
            for (int round = 0; round < 3; round++) { // a byte every 2 s, three times
                for (Socket s : slow) {
                    trySend(s, 1);
                }
                Thread.sleep(2000);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // the breaker's open state lasts 10 s: stores for 12 s after the disconnects
        List<Integer> statuses = new ArrayList<>();
        long end = System.nanoTime() + 12_000_000_000L;
        int seed = 30301;
        while (System.nanoTime() < end) {
            statuses.add(storeStatus(LocalNetwork.randomBlob(1_000, seed++)));
        }
        assertThat(statuses).as("stores after 16 abandoned uploads").doesNotContain(503).contains(200);
        // a 429 may come first, while the publisher learns that the aborted uploads are gone; then only 200
        assertThat(statuses.subList(statuses.indexOf(200), statuses.size())).as("stores after the first 200: %s", statuses)
                .containsOnly(200);
    }

    // ================================================================== item 4: publisher slots

    /** Straight to the publisher: the attacker connects from 127.0.0.2, the normal store from 127.0.0.1. */
    @Test
    @Order(9)
    void slowUploadsAreCutWith408AndDoNotBlockAnotherClientsStore() throws Exception {
        slowUploadsAreCutAndDoNotBlock(net.encoderUrl(), 40400);
    }

    /**
     * The same through the gateway: the publisher tells the clients apart by the X-Forwarded-For entry
     * its trusted proxy (the gateway) appends; without it, every client behind the gateway shares one
     * per-client share and four slow uploads block every store until they are cut.
     */
    @Test
    @Order(9)
    void slowUploadsThroughTheGatewayAreCutWith408AndDoNotBlockAnotherClientsStore() throws Exception {
        slowUploadsAreCutAndDoNotBlock(net.gatewayUrl(), 40500);
    }

    void slowUploadsAreCutAndDoNotBlock(URI base, long seed) throws Exception {
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Socket> slow = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                Socket s = RawHttp.open(base, "PUT", "/v1/blobs?epochs=1", Map.of("Content-Type", "application/octet-stream",
                        "Content-Length", "1000000"), Duration.ofSeconds(120), ATTACKER);
                slow.add(s);
                pool.submit(() -> {
                    while (!stop.get() && trySend(s, 1)) {
                        Thread.sleep(2000);
                    }
                    return null;
                });
                pool.submit(() -> {
                    RawHttp.Response r;
                    try {
                        r = RawHttp.read(s);
                    } catch (IOException e) {
                        r = new RawHttp.Response(-2, Map.of(), e.toString());
                    }
                    answers.merge(r.status(), 1, Integer::sum);
                    bodies.add(r.status() + " " + r.body());
                    return null;
                });
            }
            try {
                // once they hold what they can (the attacker's next store is refused), another client stores
                awaitAttackerRefused(base, seed);
                long start = System.nanoTime();
                int status = storeStatus(base, LocalNetwork.randomBlob(1_000, seed + 100));
                assertThat(status).as("another client's store during 16 slow uploads (answers so far %s)", answers)
                        .isEqualTo(200);
                assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);

                // every slow upload gets an answer: 408 once behind the pace, or refused at once (429)
                Awaitility.await("an answer to every slow upload").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                        .until(() -> answers.values().stream().mapToInt(Integer::intValue).sum() == 16);
                assertThat(answers.keySet()).as("answers to the slow uploads: %s", bodies).isSubsetOf(408, 429).contains(408);
                assertThat(bodies.stream().filter(b -> b.startsWith("408")))
                        .allSatisfy(b -> assertThat(b).contains("REQUEST_BODY_TIMEOUT"));
            } finally {
                stop.set(true);
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
        // the places they held are free again, for that client too
        HttpResponse<String> again = attackerStore(base, seed + 200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    }

    // ================================================================== item 5: node request-body memory

    /**
     * 150 connections that declare a 4.39 MB sliver and send 1 byte would take 658 MB allocated up front,
     * more than the node's 512 MB heap; read as bytes arrive they take a small buffer each. (150, not
     * the probe's 200: each holds one of Tomcat's 200 request threads while it waits for its body, see
     * the next test.) Connections that really send 4 MB each then spend the node-wide body budget and
     * the next is refused with 503 UNAVAILABLE; a store through the gateway succeeds meanwhile.
     */
    @Test
    @Order(10)
    void slowLargeDeclaredUploadsCannotRunAStorageNodeOutOfMemory() throws Exception {
        URI node = net.node(0).url();
        EncodingConfig config = new EncodingConfig(net.config().nShards());
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        AtomicBoolean closing = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                openSlowSliverUploads(node, 150, 50500, sockets, pool, answers, refusals, closing);
                // the node keeps serving
                assertThat(health(node)).isEqualTo(200);
                assertThat(net.node(0).isRunning()).isTrue();

                // connections that really send 4 MB each: the node-wide budget runs out and the next get 503
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 120 && answers.getOrDefault(503, 0) == 0; i++) {
                    Socket s = RawHttp.open(node, "PUT", sliverPath(randomBlobId(51500 + i), i % 100, SliverType.PRIMARY)
                            + "?pending=true", Map.of("Content-Type", "application/octet-stream", "Content-Length",
                            Integer.toString(DECLARED_SLIVER)), Duration.ofSeconds(300), ATTACKER);
                    sockets.add(s);
                    pool.submit(() -> readAnswer(s, answers, refusals, closing));
                    java.util.concurrent.Future<?> writer = pool.submit(() -> {
                        for (int sent = 0; sent < 4_000_000 && trySend(s, chunk); sent += chunk.length) {
                            // until the node stops reading it (it answered) or 4 MB are in
                        }
                        return null;
                    });
                    try {
                        writer.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new AssertionError("node-0 read no more of connection " + i + "'s body for 30 s; answers so far "
                                + answers, e);
                    }
                }
                Awaitility.await("a 503 once the body budget is spent").atMost(Duration.ofSeconds(30))
                        .until(() -> answers.getOrDefault(503, 0) > 0);
                assertThat(refusals).as("503 bodies").allSatisfy(b -> assertThat(b).contains("UNAVAILABLE"));
                assertThat(net.node(0).isRunning()).as("node-0 alive").isTrue();
                assertThat(health(node)).isEqualTo(200);
                // a normal store through the gateway still succeeds
                assertThat(storeStatus(LocalNetwork.randomBlob(2_000, 50001))).isEqualTo(200);
            } finally {
                closing.set(true);
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
        awaitNodeTakesBodies(node, config, 50002);
    }

    /**
     * The probe's 200 slow connections and more: a node whose request threads all wait for bodies that
     * never come answers nothing else until its connection timeout, a denial of service without any
     * memory pressure.
     */
    @Test
    @Order(11)
    void moreSlowUploadsThanTheNodeHasRequestThreadsDoNotStarveIt() throws Exception {
        URI node = net.node(0).url();
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean closing = new AtomicBoolean();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                openSlowSliverUploads(node, 250, 52500, sockets, pool, answers, new CopyOnWriteArrayList<>(), closing);
                // not one check right away (it may be served before the node has taken up the slow requests):
                // the node answers its health route within 5 s, every second, for 15 s
                long end = System.nanoTime() + 15_000_000_000L;
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    assertThat(health(node, Duration.ofSeconds(5))).as("node-0's health while 250 slow uploads wait (answers %s)",
                            answers).isEqualTo(200);
                    Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - start) / 1_000_000));
                }
                assertThat(net.node(0).isRunning()).isTrue();
            } finally {
                closing.set(true);
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
        awaitNodeTakesBodies(node, new EncodingConfig(net.config().nShards()), 52002);
    }

    /** Just under the node's sliver limit at n = 100 (4,390,000 in the probe). */
    static final int DECLARED_SLIVER = 4_390_000;

    /** {@code count} sliver PUTs from the attacker declaring {@link #DECLARED_SLIVER} bytes, 1 byte sent each, kept open. */
    static void openSlowSliverUploads(URI node, int count, long seed, List<Socket> sockets, ExecutorService pool,
            Map<Integer, Integer> answers, List<String> refusals, AtomicBoolean closing) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket s = RawHttp.open(node, "PUT", sliverPath(randomBlobId(seed + i), i % 100, SliverType.PRIMARY)
                    + "?pending=true", Map.of("Content-Type", "application/octet-stream", "Content-Length",
                    Integer.toString(DECLARED_SLIVER)), Duration.ofSeconds(300), ATTACKER);
            trySend(s, 1);
            sockets.add(s);
            pool.submit(() -> readAnswer(s, answers, refusals, closing));
        }
    }

    /** Once the slow connections are gone, the node takes a body again. */
    static void awaitNodeTakesBodies(URI node, EncodingConfig config, long seed) {
        EncodedBlob blob = new BlobEncoder(config).encode(LocalNetwork.randomBlob(1_000, seed));
        Awaitility.await("node-0 accepts a body again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> put(node, "/v1/blobs/" + blob.blobId() + "/metadata?pending=true",
                        blob.metadata().metadata().toBcs()).statusCode() / 100 == 2);
    }

    // ================================================================== helpers

    static Void readAnswer(Socket s, Map<Integer, Integer> answers, List<String> refusals, AtomicBoolean closing) {
        try {
            RawHttp.Response r = RawHttp.read(s);
            if (!closing.get()) {
                answers.merge(r.status(), 1, Integer::sum);
                if (r.status() == 503) {
                    refusals.add(r.body());
                }
            }
        } catch (IOException e) {
            if (!closing.get() && !(e instanceof SocketTimeoutException)) {
                answers.merge(-2, 1, Integer::sum);
            }
        }
        return null;
    }

    static boolean trySend(Socket s, int bytes) {
        return trySend(s, new byte[bytes]);
    }

    static boolean trySend(Socket s, byte[] bytes) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false; // the server closed it (it answered, or gave up on the body)
        }
    }

    static int health(URI node) throws Exception {
        return health(node, Duration.ofSeconds(10));
    }

    static int health(URI node, Duration timeout) throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(node.resolve("/v1/health")).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.http.HttpTimeoutException e) {
            throw new AssertionError("no answer from " + node + "/v1/health within " + timeout, e);
        }
    }

    static HttpResponse<String> put(URI base, String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String sliverPath(String blobId, int pair, SliverType type) {
        return "/v1/blobs/" + blobId + "/slivers/" + pair + "/" + type.text();
    }

    /** Sliver pairs of {@code blob} whose shard node {@code node} owns. */
    static List<Integer> pairsOf(int node, EncodedBlob blob) {
        CommitteeSnapshot committee = net.committee();
        EncodingConfig config = new EncodingConfig(committee.nShards());
        int rotation = blob.blobId().rotationOffset(config.nShards());
        List<Integer> out = new ArrayList<>();
        for (int pair = 0; pair < config.nShards(); pair++) {
            int shard = config.shardForPair(pair, rotation);
            boolean owned = committee.memberForShard(shard).flatMap(CommitteeSnapshot.Member::baseUri)
                    .filter(u -> net.nodeIndex(u) == node).isPresent();
            if (owned) {
                out.add(pair);
            }
        }
        return out;
    }

    static int storeStatus(byte[] blob) throws Exception {
        return storeStatus(net.gatewayUrl(), blob);
    }

    static int storeStatus(URI base, byte[] blob) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/blobs?epochs=1")).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static JsonNode store(byte[] blob) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(net.gatewayUrl().resolve("/v1/blobs?epochs=1"))
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static String storedBlobId(byte[] blob) throws Exception {
        JsonNode json = store(blob);
        JsonNode created = json.path("newlyCreated");
        return created.isMissingNode() ? json.path("alreadyCertified").path("blobId").asString()
                : created.path("blobObject").path("blobId").asString();
    }

    /**
     * POST to the devnet's JSON-RPC over a raw socket, reading the answer while the body is still being
     * written: a server that refuses a body from its declared length answers (and closes) before
     * taking it all, which {@link HttpClient} reports as a broken upload instead of the answer.
     */
    static RawHttp.Response rpcPost(byte[] body) {
        return RawHttp.exchangeWhileSending(URI.create("http://127.0.0.1:" + net.devnetUrl().getPort()), "POST", "/",
                Map.of("Content-Type", "application/json", "Content-Length", Integer.toString(body.length)), body,
                Duration.ofSeconds(120));
    }

    /** Refused with HTTP {@code status} and one JSON-RPC error object (not an array of answers) of {@code code} (if 200). */
    static void assertRefused(RawHttp.Response r, int status, int code) {
        assertThat(r.status()).as(head(r.body())).isEqualTo(status);
        JsonNode json = JSON.readTree(r.body());
        assertThat(json.isObject() && json.has("error")).as("one JSON-RPC error: %s", head(r.body())).isTrue();
        if (status == 200) {
            assertThat(json.path("error").path("code").asInt()).as(head(r.body())).isEqualTo(code);
        }
    }

    long checkpoint() {
        return Long.parseLong(rpc.call("sui_getLatestCheckpointSequenceNumber", Json.NODES.arrayNode()).asString());
    }

    String stateDigest() {
        return rpc.call("devnet_getChainInfo", Json.NODES.arrayNode()).path("stateDigest").asString();
    }

    static Map<String, String> manyHeaders(int count) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            headers.put("X-H" + i, "v".repeat(32));
        }
        return headers;
    }

    static String randomBlobId(long seed) {
        byte[] id = new byte[BlobId.LENGTH];
        new java.util.Random(seed).nextBytes(id);
        return BlobId.of(id).toString();
    }

    static final HttpClient ATTACKER_HTTP = attackerClient();

    static HttpClient attackerClient() {
        try {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(ATTACKER))
                    .connectTimeout(Duration.ofSeconds(5)).build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small store from the attacker's address (its own uploads count against it). */
    static HttpResponse<String> attackerStore(URI base, long seed) throws Exception {
        return attackerStore(base, seed, Duration.ofSeconds(60));
    }

    static HttpResponse<String> attackerStore(URI base, long seed, Duration timeout) throws Exception {
        return ATTACKER_HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/blobs?epochs=1"))
                .timeout(timeout).PUT(HttpRequest.BodyPublishers.ofByteArray(LocalNetwork.randomBlob(1_000, seed)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until the attacker's slow uploads hold their places at the publisher: its next store is
     * refused (429; before the fixes, through the gateway, the breaker's 503).
     */
    static void awaitAttackerRefused(URI base, long seed) {
        long[] next = {seed};
        // an attempt that got a place before the slow uploads arrived may wait for a slot: given up after 3 s
        Awaitility.await("the slow uploads hold the attacker's publisher places").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).ignoreException(java.net.http.HttpTimeoutException.class)
                .until(() -> attackerStore(base, next[0]++, Duration.ofSeconds(3)).statusCode() >= 429); // 429, or 503 (breaker)
    }

    static String head(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    static Path repositoryRoot() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("gateway-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found");
    }
}
