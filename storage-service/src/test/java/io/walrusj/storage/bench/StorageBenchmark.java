package io.walrusj.storage.bench;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.StorageNodeApplication;
import io.walrusj.storage.heal.PeerResolver;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Loopback benchmark of one or more real storage nodes (Spring Boot + RocksDB) following a
 * {@link FakeSuiChain}, as the module's tests start them.
 *
 * <ol>
 *   <li>Upload / download: one node owning all {@code bench.n} shards; per blob size, PUT metadata then
 *       both slivers of every pair, then GET every sliver back, from {@code bench.threads} virtual-thread
 *       clients (java.net.http). Reports MB/s over sliver bytes and p50/p99 per-request latency.</li>
 *   <li>Heal: {@code bench.heal-nodes} nodes sharing {@code bench.heal-n} shards; a
 *       {@code bench.heal-mib} MiB blob is uploaded to all but the last, then certified; reports the time
 *       until the last node has every sliver of its shards, and the bytes it fetched from its peers
 *       (counted by a TCP proxy that the chain advertises as each peer's network address).</li>
 * </ol>
 *
 * System properties: bench.n (1000), bench.threads (4), bench.sizes (1024,1048576,16777216),
 * bench.heal-n (1000), bench.heal-nodes (4), bench.heal-mib (64), bench.heal-timeout-s (600),
 * bench.symbol-cache (4096), bench.skip-upload / bench.skip-heal (false).
 */
public final class StorageBenchmark {
    static final long EPOCH = 2;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final List<String> table = new ArrayList<>();

    record Node(SuiAddress id, List<Integer> shards, ConfigurableApplicationContext ctx, int port) {
        SliverStore store() {
            return ctx.getBean(SliverStore.class);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.n", 1000);
        int threads = Integer.getInteger("bench.threads", 4);
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1024,1048576,16777216").split(","))
                .mapToLong(Long::parseLong).toArray();
        int healN = Integer.getInteger("bench.heal-n", 1000);
        int healNodes = Integer.getInteger("bench.heal-nodes", 4);
        int healMiB = Integer.getInteger("bench.heal-mib", 64);
        int healTimeout = Integer.getInteger("bench.heal-timeout-s", 600);
        int symbolCache = Integer.getInteger("bench.symbol-cache", 4096);

        System.out.printf(Locale.ROOT, "machine: %d cpus, max heap %d MiB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        if (!Boolean.getBoolean("bench.skip-upload")) {
            uploadDownload(n, threads, sizes, symbolCache);
        }
        if (!Boolean.getBoolean("bench.skip-heal")) {
            heal(healN, healNodes, healMiB, healTimeout, symbolCache);
        }
        System.out.println();
        System.out.println("==== results ====");
        table.forEach(System.out::println);
        System.exit(0);
    }

    // ------------------------------------------------------------------ node start (as BlobSyncTest)

    static Node startNode(FakeSuiChain chain, SuiAddress id, List<Integer> shards, int symbolCache) throws Exception {
        Path dir = Files.createTempDirectory("storage-bench-node");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(StorageNodeApplication.class).run(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--storage.data-dir=" + dir,
                "--storage.rpc-url=" + chain.jsonRpcUri(), "--storage.grpc-url=" + chain.grpcUrl(),
                "--storage.package-id=" + FakeSuiChain.PACKAGE,
                "--storage.system-object-id=" + FakeSuiChain.SYSTEM,
                "--storage.staking-object-id=" + FakeSuiChain.STAKING,
                "--storage.node-id=" + id,
                "--storage.heal-backoff=100ms",
                "--storage.heal-request-timeout=120s",
                "--storage.symbol-cache-size=" + symbolCache);
        int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
        Node node = new Node(id, shards, ctx, port);
        waitFor(60, () -> ctx.getBean(NodeState.class).get().fromChain());
        return node;
    }

    static void waitFor(int seconds, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(10);
        }
    }

    static byte[] data(long size, int seed) {
        byte[] d = new byte[Math.toIntExact(size)];
        new Random(seed).nextBytes(d);
        return d;
    }

    static void register(FakeSuiChain chain, EncodedBlob b, SuiAddress object, List<Node> nodes) throws InterruptedException {
        chain.emit(new WalrusEvent.BlobRegistered(EPOCH, b.blobId(), b.metadata().metadata().unencodedLength(), 1,
                EPOCH + 3, false, object));
        for (Node node : nodes) {
            waitFor(30, () -> node.store().getBlobInfo(b.blobId()).isPresent());
        }
    }

    static HttpResponse<byte[]> send(String method, URI uri, byte[] body) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri);
        if (body != null) {
            rb.header("Content-Type", "application/octet-stream");
        }
        rb.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new RuntimeException(uri.toString(), e);
        }
    }

    static String sliverPath(BlobId id, int pair, SliverType type) {
        return "/v1/blobs/" + id + "/slivers/" + pair + "/" + type.text();
    }

    static List<Integer> ownedPairs(EncodingConfig config, BlobId id, List<Integer> shards) {
        int offset = id.rotationOffset(config.nShards());
        return shards.stream().map(s -> config.pairForShard(s, offset)).sorted().toList();
    }

    // ------------------------------------------------------------------ 1. upload / download

    record Task(int pair, SliverType type, byte[] body) {
    }

    record Run(long bytes, double seconds, long[] latenciesNanos) {
        double mbPerSec() {
            return bytes / 1e6 / seconds;
        }

        double pctMs(double p) {
            long[] s = latenciesNanos.clone();
            Arrays.sort(s);
            int i = (int) Math.ceil(p * s.length) - 1;
            return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
        }
    }

    /** Runs every task from {@code threads} virtual threads pulling from a shared index. */
    static Run run(int threads, List<Task> tasks, java.util.function.Function<Task, Long> call) throws Exception {
        long[] lat = new long[tasks.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long t0 = System.nanoTime();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(ex.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < tasks.size(); ) {
                        long s = System.nanoTime();
                        bytes.addAndGet(call.apply(tasks.get(i)));
                        lat[i] = System.nanoTime() - s;
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        return new Run(bytes.get(), (System.nanoTime() - t0) / 1e9, lat);
    }

    static void uploadDownload(int n, int threads, long[] sizes, int symbolCache) throws Exception {
        EncodingConfig config = new EncodingConfig(n);
        SuiAddress nodeId = FakeSuiChain.addr(0xb1);
        List<Integer> all = IntStream.range(0, n).boxed().toList();
        try (FakeSuiChain chain = NodeChain.start(n, EPOCH, Map.of(nodeId, all))) {
            long s0 = System.nanoTime();
            Node node = startNode(chain, nodeId, all, symbolCache);
            System.out.printf(Locale.ROOT, "node up (n=%d, %d shards) in %.1f s%n", n, all.size(), (System.nanoTime() - s0) / 1e9);
            table.add(String.format(Locale.ROOT, "Upload/download: n=%d, 1 node owning all %d shards, %d client threads (virtual, java.net.http HTTP/1.1)",
                    n, n, threads));
            table.add(String.format(Locale.ROOT, "%-9s %-5s %9s %11s %10s %8s %9s %9s %10s",
                    "blob", "op", "requests", "sliverMiB", "seconds", "MB/s", "p50 ms", "p99 ms", "blobMB/s"));
            int seed = 0;
            // warm-up: JIT the request path with a small blob
            for (long size : new long[] {1024, 65536}) {
                measure(node, config, chain, size, ++seed, threads, false);
            }
            for (long size : sizes) {
                measure(node, config, chain, size, ++seed, threads, true);
            }
            node.ctx().close();
        }
    }

    static void measure(Node node, EncodingConfig config, FakeSuiChain chain, long size, int seed, int threads, boolean report)
            throws Exception {
        long e0 = System.nanoTime();
        EncodedBlob b = new BlobEncoder(config).encode(data(size, seed));
        double encodeS = (System.nanoTime() - e0) / 1e9;
        BlobId id = b.blobId();
        register(chain, b, FakeSuiChain.addr(0x40 + seed), List.of(node));
        List<Task> tasks = new ArrayList<>();
        for (int p : ownedPairs(config, id, node.shards())) {
            tasks.add(new Task(p, SliverType.PRIMARY, b.pair(p).primary().toBcs()));
            tasks.add(new Task(p, SliverType.SECONDARY, b.pair(p).secondary().toBcs()));
        }
        long m0 = System.nanoTime();
        HttpResponse<byte[]> meta = send("PUT", node.uri("/v1/blobs/" + id + "/metadata"), b.metadata().metadata().toBcs());
        double metaMs = (System.nanoTime() - m0) / 1e6;
        if (meta.statusCode() != 201) {
            throw new IllegalStateException("metadata PUT -> " + meta.statusCode() + " " + new String(meta.body()));
        }
        Run up = run(threads, tasks, t -> {
            HttpResponse<byte[]> r = send("PUT", node.uri(sliverPath(id, t.pair(), t.type())), t.body());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("PUT sliver -> " + r.statusCode() + " " + new String(r.body()));
            }
            return (long) t.body().length;
        });
        Run down = run(threads, tasks, t -> {
            HttpResponse<byte[]> r = send("GET", node.uri(sliverPath(id, t.pair(), t.type())), null);
            if (r.statusCode() != 200 || r.body().length != t.body().length) {
                throw new IllegalStateException("GET sliver -> " + r.statusCode());
            }
            return (long) r.body().length;
        });
        if (!report) {
            return;
        }
        String label = size >= 1 << 20 ? (size >> 20) + " MiB" : size >= 1024 ? (size >> 10) + " KiB" : size + " B";
        System.out.printf(Locale.ROOT, "%s: encode %.2f s, metadata PUT %.1f ms (%d B)%n", label, encodeS, metaMs,
                b.metadata().metadata().toBcs().length);
        for (var e : List.of(Map.entry("PUT", up), Map.entry("GET", down))) {
            Run r = e.getValue();
            String row = String.format(Locale.ROOT, "%-9s %-5s %9d %11.2f %10.2f %8.1f %9.2f %9.2f %10.2f",
                    label, e.getKey(), tasks.size(), r.bytes() / 1048576.0, r.seconds(), r.mbPerSec(), r.pctMs(0.50),
                    r.pctMs(0.99), size / 1e6 / r.seconds());
            System.out.println(row);
            table.add(row);
        }
    }

    // ------------------------------------------------------------------ 2. heal

    /** Loopback TCP proxy in front of one peer, counting the bytes the peer sends back. */
    static final class CountingProxy implements AutoCloseable {
        final ServerSocket server;
        final AtomicLong down = new AtomicLong();
        final AtomicLong up = new AtomicLong();
        final Thread acceptor;

        CountingProxy(int targetPort) throws IOException {
            server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket target = new Socket();
                        target.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                        Thread.ofVirtual().start(() -> pump(client, target, up));
                        Thread.ofVirtual().start(() -> pump(target, client, down));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        static void pump(Socket from, Socket to, AtomicLong counter) {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int r; (r = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, r);
                    counter.addAndGet(r);
                }
            } catch (IOException ignored) {
                // connection closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    /** CPU time of this process (every node, the proxies and the fake chain run in it). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** One-minute load average of the machine: above the cpu count, other processes competed for the cpus. */
    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static JsonNode blobSync(Node n) {
        HttpResponse<byte[]> r = send("GET", n.uri("/v1/health?detailed=true"), null);
        return Json.MAPPER.readTree(new String(r.body())).get("success").get("data").get("blobSync");
    }

    static void heal(int n, int nodeCount, int mib, int timeoutS, int symbolCache) throws Exception {
        EncodingConfig config = new EncodingConfig(n);
        Map<SuiAddress, List<Integer>> committee = new LinkedHashMap<>();
        for (int i = 0; i < nodeCount; i++) {
            int from = i * n / nodeCount;
            int to = (i + 1) * n / nodeCount;
            committee.put(FakeSuiChain.addr(0xc1 + i), IntStream.range(from, to).boxed().toList());
        }
        List<Node> nodes = new ArrayList<>();
        List<CountingProxy> proxies = new ArrayList<>();
        try (FakeSuiChain chain = NodeChain.start(n, EPOCH, committee)) {
            long s0 = System.nanoTime();
            for (var e : committee.entrySet()) {
                nodes.add(startNode(chain, e.getKey(), e.getValue(), symbolCache));
            }
            System.out.printf(Locale.ROOT, "%d nodes up (n=%d) in %.1f s%n", nodeCount, n, (System.nanoTime() - s0) / 1e9);
            Node missing = nodes.getLast();
            // peers as seen by the chain: a counting proxy in front of each (all traffic to a peer is
            // either blob sync of the missing node or nothing: the other nodes hold their slivers)
            for (Node node : nodes.subList(0, nodeCount - 1)) {
                CountingProxy p = new CountingProxy(node.port());
                proxies.add(p);
                chain.networkAddress(node.id(), "127.0.0.1:" + p.port());
            }
            chain.networkAddress(missing.id(), "127.0.0.1:" + missing.port());
            chain.emit(new WalrusEvent.EpochChangeDone(EPOCH));
            PeerResolver peers = missing.ctx().getBean(PeerResolver.class);
            for (int i = 0; i < nodeCount - 1; i++) {
                SuiAddress peer = nodes.get(i).id();
                URI want = URI.create("http://127.0.0.1:" + proxies.get(i).port());
                waitFor(30, () -> peers.resolve(peer).map(want::equals).orElse(false));
            }

            long e0 = System.nanoTime();
            long size = (long) mib << 20;
            EncodedBlob b = new BlobEncoder(config).encode(data(size, 99));
            System.out.printf(Locale.ROOT, "encoded %d MiB at n=%d in %.1f s%n", mib, n, (System.nanoTime() - e0) / 1e9);
            BlobId id = b.blobId();
            SuiAddress object = FakeSuiChain.addr(0x99);
            register(chain, b, object, nodes);
            long u0 = System.nanoTime();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> fs = new ArrayList<>();
                for (Node node : nodes.subList(0, nodeCount - 1)) {
                    if (send("PUT", node.uri("/v1/blobs/" + id + "/metadata"), b.metadata().metadata().toBcs()).statusCode() != 201) {
                        throw new IllegalStateException("metadata PUT failed");
                    }
                    for (int p : ownedPairs(config, id, node.shards())) {
                        for (SliverData s : List.of(b.pair(p).primary(), b.pair(p).secondary())) {
                            fs.add(ex.submit(() -> {
                                int st = send("PUT", node.uri(sliverPath(id, p, s.type())), s.toBcs()).statusCode();
                                if (st != 201) {
                                    throw new IllegalStateException("sliver PUT -> " + st);
                                }
                                return null;
                            }));
                        }
                    }
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            }
            System.out.printf(Locale.ROOT, "uploaded to %d nodes in %.1f s%n", nodeCount - 1, (System.nanoTime() - u0) / 1e9);
            List<Integer> pairs = ownedPairs(config, id, missing.shards());
            long ownedBytes = 0;
            for (int p : pairs) {
                ownedBytes += b.pair(p).primary().toBcs().length + b.pair(p).secondary().toBcs().length;
            }
            long downBefore = proxies.stream().mapToLong(p -> p.down.get()).sum();
            long upBefore = proxies.stream().mapToLong(p -> p.up.get()).sum();

            long cpu0 = processCpuNanos();
            double load0 = loadAverage();
            long h0 = System.nanoTime();
            chain.emit(new WalrusEvent.BlobCertified(EPOCH, id, EPOCH + 3, false, object, false));
            long deadline = h0 + timeoutS * 1_000_000_000L;
            boolean done = false;
            long lastPrint = h0;
            while (System.nanoTime() < deadline) {
                JsonNode s = blobSync(missing);
                if (s.get("healedBlobs").asLong() >= 1 || s.get("failedBlobs").asLong() >= 1) {
                    done = s.get("healedBlobs").asLong() >= 1;
                    break;
                }
                if (System.nanoTime() - lastPrint > 15_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "  heal: %.0f s, %d/%d slivers recovered, %.1f MiB fetched%n",
                            (lastPrint - h0) / 1e9, s.get("recoveredSlivers").asLong(), 2 * pairs.size(),
                            (proxies.stream().mapToLong(p -> p.down.get()).sum() - downBefore) / 1048576.0);
                }
                Thread.sleep(20);
            }
            double healS = (System.nanoTime() - h0) / 1e9;
            double cpuS = (processCpuNanos() - cpu0) / 1e9;
            double load1 = loadAverage();
            JsonNode s = blobSync(missing);
            long recovered = s.get("recoveredSlivers").asLong();
            long fetched = proxies.stream().mapToLong(p -> p.down.get()).sum() - downBefore;
            long sent = proxies.stream().mapToLong(p -> p.up.get()).sum() - upBefore;
            boolean complete = true;
            for (int p : pairs) {
                for (SliverType t : SliverType.values()) {
                    var got = missing.store().getSliver(id, p, t);
                    SliverData want = t == SliverType.PRIMARY ? b.pair(p).primary() : b.pair(p).secondary();
                    complete &= got.isPresent() && Arrays.equals(got.get().toBcs(), want.toBcs());
                }
            }
            table.add("");
            table.add(String.format(Locale.ROOT, "Heal: n=%d, %d nodes (%d shards each), %d MiB blob uploaded to %d nodes, last node heals after BlobCertified",
                    n, nodeCount, n / nodeCount, mib, nodeCount - 1));
            table.add(String.format(Locale.ROOT, "  status                     : %s (healedBlobs=%d failedBlobs=%d), slivers byte-identical: %s",
                    done ? "healed" : "NOT healed within " + timeoutS + " s", s.get("healedBlobs").asLong(),
                    s.get("failedBlobs").asLong(), complete));
            table.add(String.format(Locale.ROOT, "  time to heal               : %.2f s (%d of %d slivers recovered)", healS, recovered,
                    2 * pairs.size()));
            table.add(String.format(Locale.ROOT, "  CPU time during the heal   : %.1f s of this JVM (all 4 nodes + fake chain), machine load average %.1f -> %.1f on %d cpus",
                    cpuS, load0, load1, Runtime.getRuntime().availableProcessors()));
            table.add(String.format(Locale.ROOT, "  bytes fetched from peers   : %.2f MiB (responses incl. HTTP headers; requests sent %.1f KiB)",
                    fetched / 1048576.0, sent / 1024.0));
            table.add(String.format(Locale.ROOT, "  fetched / blob size        : %.3f", (double) fetched / size));
            table.add(String.format(Locale.ROOT, "  healed slivers' own size   : %.2f MiB (= %.3f x blob)", ownedBytes / 1048576.0,
                    (double) ownedBytes / size));
            table.add(String.format(Locale.ROOT, "  fetched / healed bytes     : %.2f", (double) fetched / ownedBytes));
            table.add(String.format(Locale.ROOT, "  fetched per sliver         : %.1f KiB vs blob/n = %.1f KiB (ratio %.2f)",
                    recovered == 0 ? 0 : fetched / 1024.0 / recovered, size / 1024.0 / n,
                    recovered == 0 ? 0 : (double) fetched / recovered / ((double) size / n)));
            table.forEach(l -> { });
        } finally {
            for (Node node : nodes) {
                node.ctx().close();
            }
            for (CountingProxy p : proxies) {
                p.close();
            }
        }
    }
}
