package io.walrusj.e2e.net;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.committee.CommitteeSnapshots;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite as real processes on this machine, on free loopback ports, for end-to-end tests
 * and benchmarks: the devnet (genesis without a committee; it forms the first committee once every
 * node has staked), the chain indexer, N storage nodes that register and stake themselves, the
 * encoder (publisher + aggregator) and the gateway. Each service is its module's Spring Boot jar
 * ({@code <module>/target/<module>-0.1.0-SNAPSHOT.jar}, built by the reactor before this module's
 * tests run); data and logs live under one temporary directory ({@link #workDir()}).
 *
 * <p>{@link #shared()} starts one network per JVM, shared by all test classes and stopped at JVM
 * exit; a test that stops nodes starts them again before it ends.
 */
public final class LocalNetwork implements AutoCloseable {
    private static final Pattern OWNS_SHARDS = Pattern.compile("\"owned\"\\s*:\\s*[1-9]");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    /** Body limit of the encoder and the gateway here: large enough for the 256 MiB benchmark. */
    private static final String MAX_BODY = "300MB";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LocalNetwork shared;

    /**
     * @param nodes       storage nodes (at least 4)
     * @param nShards     shards of the system
     * @param lyingNode   index of a node put behind a {@link LyingProxy} (its on-chain address is the
     *                    proxy's), or -1
     * @param withIndexer start the chain indexer
     * @param withGateway start the gateway (needs the indexer)
     */
    public record Config(int nodes, int nShards, int lyingNode, boolean withIndexer, boolean withGateway,
            List<String> encoderArgs) {
        public Config {
            encoderArgs = List.copyOf(encoderArgs);
            if (withGateway && !withIndexer) {
                throw new IllegalArgumentException("the gateway routes to the indexer");
            }
        }

        public static Config defaults() {
            return new Config(4, 100, 3, true, true, List.of());
        }
    }

    private final Config config;
    private final Path workDir;
    private final Path root;
    private final ServiceProcess devnet;
    private final ServiceProcess indexer;
    private final List<ServiceProcess> nodes = new ArrayList<>();
    private final List<URI> nodePublicUrls = new ArrayList<>();
    private final ServiceProcess encoder;
    private final ServiceProcess gateway;
    private final LyingProxy liar;

    /** One network per JVM, started on first use with {@link Config#defaults()}, stopped at JVM exit. */
    public static synchronized LocalNetwork shared() {
        if (shared == null) {
            shared = start(Config.defaults());
            LocalNetwork network = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(network::close, "local-network-stop"));
        }
        return shared;
    }

    public static LocalNetwork start(Config config) {
        try {
            LocalNetwork n = new LocalNetwork(config);
            try {
                n.startAll();
            } catch (RuntimeException | IOException e) {
                n.close();
                throw e;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalNetwork(Config config) throws IOException {
        this.config = config;
        this.root = repositoryRoot();
        this.workDir = Files.createTempDirectory("walrusj-localnet-");
        Path logs = Files.createDirectories(workDir.resolve("logs"));
        // bin/local-network (app_args) starts the same services with the same properties for users:
        // a property added or renamed here belongs there too
        List<String> small = jvm("384m");

        int devnetPort = freePort();
        devnet = new ServiceProcess("devnet", jar("devnet"), small, List.of(
                "--devnet.data-dir=" + workDir.resolve("devnet"),
                "--devnet.genesis.n-shards=" + config.nShards(),
                "--devnet.first-committee-candidates=" + config.nodes(),
                "--devnet.epoch-check-interval=200ms"), devnetPort, logs);
        String rpc = devnet.url() + "/";

        indexer = config.withIndexer() ? new ServiceProcess("indexer", jar("chain-indexer"), small, List.of(
                "--indexer.rpc-url=" + rpc, "--indexer.network=custom",
                "--indexer.data-dir=" + workDir.resolve("indexer"),
                "--indexer.follow.poll-interval=200ms"), freePort(), logs) : null;

        LyingProxy proxy = null;
        for (int i = 0; i < config.nodes(); i++) {
            int port = freePort();
            URI publicUrl = URI.create("http://127.0.0.1:" + port);
            if (i == config.lyingNode()) {
                int proxyPort = freePort();
                proxy = new LyingProxy(proxyPort, publicUrl);
                publicUrl = URI.create("http://127.0.0.1:" + proxyPort);
            }
            nodePublicUrls.add(publicUrl);
            nodes.add(new ServiceProcess("node-" + i, jar("storage-service"), jvm("512m"), List.of(
                    "--storage.data-dir=" + workDir.resolve("node-" + i),
                    "--storage.rpc-url=" + rpc,
                    "--storage.register-on-devnet=true",
                    "--storage.use-faucet=true",
                    "--storage.node-name=node-" + i,
                    "--storage.public-url=" + publicUrl,
                    "--storage.poll-interval=200ms"), port, logs));
        }
        liar = proxy;

        List<String> encoderArgs = new ArrayList<>(List.of(
                "--encoder.sui-rpc-url=" + rpc,
                "--encoder.committee-refresh=1s",
                "--publisher.data-dir=" + workDir.resolve("publisher"),
                "--publisher.max-body-size=" + MAX_BODY));
        encoderArgs.addAll(config.encoderArgs());
        encoder = new ServiceProcess("encoder", jar("encoder-service"), jvm("3g"), encoderArgs, freePort(), logs);

        gateway = config.withGateway() ? new ServiceProcess("gateway", jar("gateway-service"), jvm("512m"), List.of(
                "--gateway.encoder-urls=" + encoder.url(),
                "--gateway.indexer-url=" + indexer.url(),
                "--gateway.max-body-size=" + MAX_BODY,
                "--gateway.rate-limit.enabled=false"), freePort(), logs) : null;
    }

    private void startAll() throws IOException {
        devnet.start();
        devnet.awaitHttp("/actuator/health", r -> r.statusCode() == 200, START_TIMEOUT);
        List<ServiceProcess> second = new ArrayList<>(nodes);
        if (indexer != null) {
            second.add(indexer);
        }
        for (ServiceProcess p : second) {
            p.start();
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> waits = new ArrayList<>();
            for (ServiceProcess node : nodes) {
                // healthy and owning shards = registered, staked, and the committee was formed
                waits.add(pool.submit(() -> node.awaitHttp("/v1/health",
                        r -> r.statusCode() == 200 && OWNS_SHARDS.matcher(r.body()).find(), START_TIMEOUT)));
            }
            if (indexer != null) {
                waits.add(pool.submit(() -> indexer.awaitHttp("/actuator/health", r -> r.statusCode() == 200, START_TIMEOUT)));
            }
            await(waits);
        }
        encoder.start();
        if (gateway != null) {
            gateway.start();
        }
        encoder.awaitHttp("/status", r -> r.statusCode() == 200, START_TIMEOUT);
        if (gateway != null) {
            gateway.awaitHttp("/actuator/health", r -> r.statusCode() == 200, START_TIMEOUT);
        }
    }

    private static void await(List<Future<?>> waits) {
        for (Future<?> f : waits) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ------------------------------------------------------------------ access

    public Config config() {
        return config;
    }

    public Path workDir() {
        return workDir;
    }

    public URI devnetUrl() {
        return URI.create(devnet.url() + "/");
    }

    public URI indexerUrl() {
        return indexer.url();
    }

    public URI encoderUrl() {
        return encoder.url();
    }

    /** The gateway, or the encoder when the network runs without one. */
    public URI publicUrl() {
        return gateway != null ? gateway.url() : encoder.url();
    }

    public URI gatewayUrl() {
        return gateway.url();
    }

    public int nodeCount() {
        return nodes.size();
    }

    /** The URL node {@code i} announced on chain (the proxy's for the lying node). */
    public URI nodeUrl(int i) {
        return nodePublicUrls.get(i);
    }

    public ServiceProcess node(int i) {
        return nodes.get(i);
    }

    public ServiceProcess encoder() {
        return encoder;
    }

    public Optional<LyingProxy> liar() {
        return Optional.ofNullable(liar);
    }

    /**
     * Random bytes (from {@code seed} on) whose blob the lying node must serve in a full read: it owns
     * the shard of at least one of the primary source slivers, the only slivers a full read asks for
     * while every node answers. Without this, a blob ID rotation that puts the liar's shards outside
     * them lets the read pass without ever meeting the liar, proving nothing.
     */
    public byte[] blobTheLiarServes(int size, long seed) {
        CommitteeSnapshot committee = committee();
        EncodingConfig encoding = new EncodingConfig(committee.nShards());
        BlobEncoder encoder = new BlobEncoder(encoding);
        for (long s = seed; s < seed + 100; s++) {
            byte[] blob = randomBlob(size, s);
            BlobId id = encoder.computeMetadata(blob).blobId();
            int rotation = id.rotationOffset(encoding.nShards());
            for (int sliver = 0; sliver < encoding.primarySymbols(); sliver++) {
                int shard = encoding.shardForPair(encoding.pairIndex(SliverType.PRIMARY, sliver), rotation);
                if (committee.memberForShard(shard).flatMap(CommitteeSnapshot.Member::baseUri)
                        .filter(u -> nodeIndex(u) == config.lyingNode()).isPresent()) {
                    return blob;
                }
            }
        }
        throw new IllegalStateException("no blob among 100 seeds reaches the lying node: does it own shards?");
    }

    /** {@code size} pseudo-random bytes, the same for the same seed. */
    public static byte[] randomBlob(int size, long seed) {
        byte[] blob = new byte[size];
        new Random(seed).nextBytes(blob);
        return blob;
    }

    /**
     * Waits until every storage node reports the blob certified (a permanent Blob object, or with
     * {@code deletable} a certified deletable one): the publisher's {@code alreadyCertified} check
     * and the aggregator read the nodes' status, which follows the chain's events a poll later.
     */
    public void awaitNodesReportCertified(String blobId, boolean deletable) {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < nodeCount(); i++) {
            URI status = nodeUrl(i).resolve("/v1/blobs/" + blobId + "/status");
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions().until(() -> {
                JsonNode data = JSON.readTree(http.send(HttpRequest.newBuilder(status).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body()).path("success").path("data");
                return deletable ? data.path("deletable").path("deletableCounts").path("count_deletable_certified").asLong() > 0
                        : data.path("permanent").path("isCertified").asBoolean();
            });
        }
    }

    /** The current committee as read from the devnet. */
    public CommitteeSnapshot committee() {
        try (SuiRpcClient rpc = SuiRpcClient.create(devnetUrl())) {
            DevnetClient devnetClient = new DevnetClient(rpc);
            return CommitteeSnapshots.read(new WalrusChainReader(rpc, devnetClient.chainInfo().network()), "http");
        }
    }

    /** Index of the node whose public URL is {@code url}. */
    public int nodeIndex(URI url) {
        for (int i = 0; i < nodePublicUrls.size(); i++) {
            if (nodePublicUrls.get(i).getPort() == url.getPort()) {
                return i;
            }
        }
        throw new IllegalArgumentException("no node at " + url);
    }

    /** Graceful stop of node {@code i}. */
    public void stopNode(int i) {
        nodes.get(i).stop();
    }

    /** SIGKILL of node {@code i}. */
    public void killNode(int i) {
        nodes.get(i).kill();
    }

    /** Starts node {@code i} again (same port and data) and waits until it serves its shards. */
    public void restartNode(int i) throws IOException {
        ServiceProcess node = nodes.get(i);
        node.start();
        node.awaitHttp("/v1/health", r -> r.statusCode() == 200 && OWNS_SHARDS.matcher(r.body()).find(), START_TIMEOUT);
    }

    @Override
    public void close() {
        List<ServiceProcess> all = new ArrayList<>();
        if (gateway != null) {
            all.add(gateway);
        }
        all.add(encoder);
        all.addAll(nodes);
        if (indexer != null) {
            all.add(indexer);
        }
        all.add(devnet);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ServiceProcess p : all.subList(0, all.size() - 1)) {
                pool.submit(p::stop);
            }
        }
        devnet.stop(); // last: the others follow it
        if (liar != null) {
            liar.close();
        }
    }

    // ------------------------------------------------------------------ helpers

    private Path jar(String module) {
        return root.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT.jar");
    }

    private static List<String> jvm(String heap) {
        return List.of("-Xmx" + heap, "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
                "-XX:+UseG1GC",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("storage-service")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found above " + dir);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
