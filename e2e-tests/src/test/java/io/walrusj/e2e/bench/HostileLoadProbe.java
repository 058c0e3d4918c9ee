package io.walrusj.e2e.bench;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.e2e.net.ListeningSockets;
import io.walrusj.e2e.net.LocalNetwork;
import io.walrusj.e2e.net.RawHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two measurements of issue 12's closing note, on real processes over loopback. A {@code main},
 * not a test; the command is in e2e-tests/README.md.
 *
 * <ol>
 *   <li><b>memory</b>: a storage node under {@code probe.connections} (200) slow connections, each a
 *       sliver {@code PUT ?pending=true} for a random blob ID that declares {@code Content-Length:
 *       probe.declared} (4,390,000, just under the sliver limit at n = 100) and sends 1 byte, all kept
 *       open for {@code probe.hold-seconds} (15). Heap used after a full GC ({@code jcmd GC.run},
 *       {@code GC.heap_info}) and RSS ({@code /proc/<pid>/status}) before and while they are held,
 *       the peak RSS, what the node answered to each connection, whether it is still alive, and
 *       (with a gateway) whether a normal store succeeds meanwhile.
 *   <li><b>latency</b>: {@code PUT /v1/blobs} of {@code probe.store-size} (1 KiB) through the gateway:
 *       {@code probe.baseline-stores} (10) alone, then stores for {@code probe.slow-seconds} (60) while
 *       {@code probe.slow-uploads} (16) uploads that declare {@code probe.slow-declared} (1,000,000)
 *       bytes trickle a byte every {@code probe.slow-interval-ms} (2000), then the slow uploads
 *       disconnect and stores go on for {@code probe.after-seconds} (20). Status codes and times of
 *       every store, and how each slow upload ended.
 * </ol>
 *
 * <p>Targets: by default a fresh {@link LocalNetwork} (4 nodes, n = 100, no lying node); with
 * {@code probe.gateway-url} and {@code probe.node-url} a running network (e.g. {@code bin/local-network}
 * with its gateway rate limit off, {@code GATEWAY_ARGS=--gateway.rate-limit.enabled=false}, or the
 * 16 slow uploads use up the per-client burst). URLs must be 127.0.0.1. The node's pid is found from
 * its listening socket; {@code jcmd} comes from the running JDK. {@code probe.what}: {@code latency,memory}
 * (that order: the memory probe may bring a node down). The slow clients connect from
 * {@code probe.attacker-address} (127.0.0.2, still loopback), the normal stores from 127.0.0.1, so
 * per-client limits see two clients as they would in a deployment.
 */
public final class HostileLoadProbe {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** Where the slow clients connect from: another loopback address, so services tell them from the normal stores. */
    private static final String ATTACKER = System.getProperty("probe.attacker-address", "127.0.0.2");

    public static void main(String[] args) throws Exception {
        List<String> what = List.of(System.getProperty("probe.what", "latency,memory").split(","));
        String gateway = System.getProperty("probe.gateway-url");
        String node = System.getProperty("probe.node-url");
        if (gateway != null || node != null) {
            run(what, gateway == null ? null : URI.create(gateway), node == null ? null : URI.create(node));
            return;
        }
        long t0 = System.nanoTime();
        try (LocalNetwork net = LocalNetwork.start(new LocalNetwork.Config(4, 100, -1, true, true, List.of()))) {
            System.out.printf(Locale.ROOT, "network up in %.1f s (work dir %s)%n", (System.nanoTime() - t0) / 1e9, net.workDir());
            run(what, net.gatewayUrl(), net.nodeUrl(0));
        }
    }

    static void run(List<String> what, URI gateway, URI node) throws Exception {
        for (String w : what) {
            switch (w.trim()) {
                case "latency" -> latency(gateway);
                case "memory" -> memory(node, gateway);
                default -> throw new IllegalArgumentException("probe.what: latency or memory, not " + w);
            }
        }
    }

    // ------------------------------------------------------------------ memory

    static void memory(URI node, URI gateway) throws Exception {
        int connections = Integer.getInteger("probe.connections", 200);
        long declared = Long.getLong("probe.declared", 4_390_000L);
        int holdSeconds = Integer.getInteger("probe.hold-seconds", 15);
        long pid = ListeningSockets.ownerPid(node.getPort())
                .orElseThrow(() -> new IllegalStateException("no process of this user listens on " + node));
        System.out.printf(Locale.ROOT, "%n## memory: node %s (pid %d), %d connections declaring %,d bytes, 1 byte sent, held %d s%n",
                node, pid, connections, declared, holdSeconds);
        if (gateway != null) {
            store(gateway, 1024, 42); // warm: the store during the hold should not pay for a cold path
        }
        long heap0 = heapUsedAfterGc(pid);
        long rss0 = rss(pid);
        System.out.printf(Locale.ROOT, "idle:  heap used after GC %d MB, RSS %d MB%n", heap0 >> 20, rss0 >> 20);

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        Random random = new Random(7);
        long peakRss = rss0;
        long start = System.nanoTime();
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                byte[] id = new byte[BlobId.LENGTH];
                random.nextBytes(id);
                String target = "/v1/blobs/" + BlobId.of(id) + "/slivers/" + (i % 100) + "/primary?pending=true";
                Socket s;
                try {
                    s = RawHttp.open(node, "PUT", target, Map.of("Content-Type", "application/octet-stream",
                            "Content-Length", Long.toString(declared)), Duration.ofSeconds(holdSeconds + 120), ATTACKER);
                    s.getOutputStream().write(0);
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    answers.merge("connect/write failed: " + e.getMessage(), 1, Integer::sum);
                    continue;
                }
                sockets.add(s);
                readers.submit(() -> {
                    try {
                        RawHttp.Response r = RawHttp.read(s);
                        if (!stop.get()) {
                            answers.merge(String.format(Locale.ROOT, "%d within %.0f s", r.status(),
                                    Math.ceil((System.nanoTime() - start) / 1e9)), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        if (!stop.get()) {
                            answers.merge("read failed: " + e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                    return null;
                });
            }
            System.out.printf(Locale.ROOT, "%d connections open after %.1f s%n", sockets.size(), (System.nanoTime() - start) / 1e9);
            long holdUntil = System.nanoTime() + holdSeconds * 1_000_000_000L;
            String storeDuring = "not tried (no gateway)";
            boolean stored = false;
            while (System.nanoTime() < holdUntil && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                peakRss = Math.max(peakRss, rss(pid));
                if (gateway != null && !stored && System.nanoTime() - start > 3_000_000_000L) {
                    stored = true;
                    StoreResult r = store(gateway, 1024, System.nanoTime());
                    storeDuring = r.toString();
                }
                Thread.sleep(250);
            }
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                long heapHeld = heapUsedAfterGc(pid);
                long rssHeld = rss(pid);
                peakRss = Math.max(peakRss, rssHeld);
                System.out.printf(Locale.ROOT, "held:  heap used after GC %d MB, RSS %d MB (peak RSS %d MB)%n",
                        heapHeld >> 20, rssHeld >> 20, peakRss >> 20);
                System.out.println("health while held: " + health(node));
            } else {
                System.out.printf(Locale.ROOT, "held:  THE NODE PROCESS EXITED (peak RSS seen %d MB); log tail should say why%n",
                        peakRss >> 20);
            }
            System.out.println("store through the gateway while held: " + storeDuring);
            stop.set(true);
            System.out.println("answers to the slow connections while held: "
                    + (answers.isEmpty() ? "none (all still open)" : new TreeMap<>(answers)));
            for (Socket s : sockets) {
                s.close();
            }
        }
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            System.out.printf(Locale.ROOT, "after closing: heap used after GC %d MB, RSS %d MB, health %s%n",
                    heapUsedAfterGc(pid) >> 20, rss(pid) >> 20, health(node));
        }
    }

    static String health(URI node) {
        long s = System.nanoTime();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(node.resolve("/v1/health")).timeout(Duration.ofSeconds(30))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return String.format(Locale.ROOT, "%d in %.0f ms", r.statusCode(), (System.nanoTime() - s) / 1e6);
        } catch (IOException | InterruptedException e) {
            return String.format(Locale.ROOT, "%s after %.0f ms", e.getClass().getSimpleName(), (System.nanoTime() - s) / 1e6);
        }
    }

    /** {@code jcmd <pid> GC.run}, then the heap's "used" from {@code GC.heap_info}, in bytes. */
    static long heapUsedAfterGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap total in: " + info);
        }
        return Long.parseLong(m.group(1)) << 10;
    }

    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static long rss(long pid) {
        try {
            Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) << 10 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    // ------------------------------------------------------------------ latency

    record StoreResult(double offsetS, int status, double ms, String note) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s in %.0f ms%s", status < 0 ? "no answer" : Integer.toString(status), ms,
                    note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    static void latency(URI gateway) throws Exception {
        int size = Integer.getInteger("probe.store-size", 1024);
        int warmup = Integer.getInteger("probe.warmup", 5);
        int baseline = Integer.getInteger("probe.baseline-stores", 10);
        int slowUploads = Integer.getInteger("probe.slow-uploads", 16);
        long slowDeclared = Long.getLong("probe.slow-declared", 1_000_000L);
        long interval = Long.getLong("probe.slow-interval-ms", 2000L);
        int slowSeconds = Integer.getInteger("probe.slow-seconds", 60);
        int afterSeconds = Integer.getInteger("probe.after-seconds", 20);
        System.out.printf(Locale.ROOT, "%n## latency: %d B stores through %s; %d slow uploads declaring %,d bytes, 1 byte every %d ms%n",
                size, gateway, slowUploads, slowDeclared, interval);
        for (int i = 0; i < warmup; i++) {
            store(gateway, size, -1 - i);
        }
        long t0 = System.nanoTime();
        List<StoreResult> alone = stores(gateway, size, t0, 0, baseline, 100);
        summary("alone", alone);

        List<String> slowFates = Collections.synchronizedList(new ArrayList<>());
        List<Socket> sockets = new CopyOnWriteArrayList<>();
        AtomicBoolean disconnect = new AtomicBoolean();
        long slowStart = System.nanoTime();
        List<StoreResult> during;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < slowUploads; i++) {
                Socket s = RawHttp.open(gateway, "PUT", "/v1/blobs?epochs=1", Map.of("Content-Type", "application/octet-stream",
                        "Content-Length", Long.toString(slowDeclared)), Duration.ofSeconds(slowSeconds + afterSeconds + 120), ATTACKER);
                sockets.add(s);
                pool.submit(() -> trickle(s, interval, disconnect));
                pool.submit(() -> {
                    try {
                        RawHttp.Response r = RawHttp.read(s);
                        if (!disconnect.get()) {
                            slowFates.add(String.format(Locale.ROOT, "%d after %.0f s", r.status(), (System.nanoTime() - slowStart) / 1e9));
                        }
                    } catch (IOException e) {
                        if (!disconnect.get()) {
                            slowFates.add(e.getClass().getSimpleName() + String.format(Locale.ROOT, " after %.0f s",
                                    (System.nanoTime() - slowStart) / 1e9));
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(4000); // the slow uploads reach the encoder and take what they take
            during = storesFor(gateway, size, slowStart, slowSeconds - 4);
            disconnect.set(true);
            for (Socket s : sockets) {
                s.close();
            }
        }
        summary("with " + slowUploads + " slow uploads in progress (t = 4.." + slowSeconds + " s)", during);
        System.out.println("how the slow uploads ended while in progress: "
                + (slowFates.isEmpty() ? "all still open at the disconnect" : countStrings(slowFates)));
        List<StoreResult> after = storesFor(gateway, size, System.nanoTime(), afterSeconds);
        summary("right after the slow uploads disconnected (" + afterSeconds + " s)", after);
    }

    static Void trickle(Socket s, long intervalMs, AtomicBoolean stop) {
        try {
            OutputStream out = s.getOutputStream();
            while (!stop.get()) {
                out.write('x');
                out.flush();
                Thread.sleep(intervalMs);
            }
        } catch (IOException e) {
            // the server closed it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    static List<StoreResult> stores(URI gateway, int size, long t0, long seed, int count, long pauseMs) throws InterruptedException {
        List<StoreResult> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(store(gateway, size, seed + i, t0));
            Thread.sleep(pauseMs);
        }
        return out;
    }

    static List<StoreResult> storesFor(URI gateway, int size, long t0, int seconds) throws InterruptedException {
        List<StoreResult> out = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long seed = System.nanoTime();
        while (System.nanoTime() < end) {
            StoreResult r = store(gateway, size, seed++, t0);
            out.add(r);
            Thread.sleep(r.status() == 200 ? 250 : 1000);
        }
        return out;
    }

    static StoreResult store(URI gateway, int size, long seed) {
        return store(gateway, size, seed, System.nanoTime());
    }

    static StoreResult store(URI gateway, int size, long seed, long t0) {
        byte[] blob = LocalNetwork.randomBlob(size, seed);
        long s = System.nanoTime();
        double offset = (s - t0) / 1e9;
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(gateway.resolve("/v1/blobs?epochs=1"))
                    .timeout(Duration.ofSeconds(120)).PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = r.body();
            return new StoreResult(offset, r.statusCode(), (System.nanoTime() - s) / 1e6,
                    r.statusCode() == 200 ? "" : body.length() > 160 ? body.substring(0, 160) : body);
        } catch (IOException e) {
            return new StoreResult(offset, -1, (System.nanoTime() - s) / 1e6, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new StoreResult(offset, -1, (System.nanoTime() - s) / 1e6, "interrupted");
        }
    }

    static void summary(String phase, List<StoreResult> results) {
        Map<Integer, List<Double>> byStatus = new TreeMap<>();
        for (StoreResult r : results) {
            byStatus.computeIfAbsent(r.status(), k -> new ArrayList<>()).add(r.ms());
        }
        System.out.printf(Locale.ROOT, "%s: %d stores%n", phase, results.size());
        byStatus.forEach((status, ms) -> {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %s x%d: p50 %.0f ms, min %.0f, max %.0f%n", status < 0 ? "no answer" : status,
                    sorted.length, EndToEndBenchmark.percentile(sorted, 0.5), sorted[0], sorted[sorted.length - 1]);
        });
        StringBuilder timeline = new StringBuilder("  timeline (t s: status ms):");
        for (StoreResult r : results) {
            timeline.append(String.format(Locale.ROOT, " %.1f:%s/%.0f", r.offsetS(), r.status() < 0 ? "-" : r.status(), r.ms()));
        }
        System.out.println(timeline);
        results.stream().filter(r -> r.status() != 200).map(StoreResult::note).distinct().limit(3)
                .forEach(n -> System.out.println("  e.g.: " + n));
    }

    static Map<String, Integer> countStrings(List<String> values) {
        Map<String, Integer> out = new TreeMap<>();
        synchronized (values) {
            for (String v : values) {
                out.merge(v, 1, Integer::sum);
            }
        }
        return out;
    }
}
