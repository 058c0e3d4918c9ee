package io.walrusj.e2e.bench;

import io.walrusj.e2e.net.LocalNetwork;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Store and read through the public API of a {@link LocalNetwork} (real processes on loopback):
 * latency p50/p99 for small blobs, throughput for large ones. A {@code main}, not a test; the
 * command is in e2e-tests/README.md. Knobs (system properties): {@code bench.n} (shards, 100),
 * {@code bench.nodes} (4), {@code bench.latency-sizes} (1024,1048576), {@code bench.latency-runs}
 * (20), {@code bench.warmup} (10 untimed store + read rounds per latency size first: the services' JIT
 * and connection pools start cold, and the first stores take seconds), {@code bench.throughput-mib}
 * (64,256), {@code bench.throughput-runs} (2),
 * {@code bench.gateway} (true: through the gateway; false: straight to the encoder), {@code bench.encoder-args}
 * (extra {@code --key=value} arguments of the encoder, space separated).
 */
public final class EndToEndBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.n", 100);
        int nodes = Integer.getInteger("bench.nodes", 4);
        boolean viaGateway = Boolean.parseBoolean(System.getProperty("bench.gateway", "true"));
        long[] latencySizes = longs(System.getProperty("bench.latency-sizes", "1024,1048576"));
        int latencyRuns = Integer.getInteger("bench.latency-runs", 20);
        int warmup = Integer.getInteger("bench.warmup", 10);
        long[] throughputMib = longs(System.getProperty("bench.throughput-mib", "64,256"));
        int throughputRuns = Integer.getInteger("bench.throughput-runs", 2);

        long t0 = System.nanoTime();
        // LocalNetwork already allows bodies up to 300 MB; extra encoder settings, space separated
        List<String> encoderArgs = Arrays.stream(System.getProperty("bench.encoder-args", "").split(" "))
                .filter(a -> !a.isBlank()).toList();
        try (LocalNetwork net = LocalNetwork.start(new LocalNetwork.Config(nodes, n, -1, viaGateway, viaGateway, encoderArgs))) {
            URI base = viaGateway ? net.gatewayUrl() : net.encoderUrl();
            System.out.printf(Locale.ROOT, "network up in %.1f s: n = %d, %d nodes, via %s (work dir %s)%n",
                    (System.nanoTime() - t0) / 1e9, n, nodes, viaGateway ? "gateway" : "encoder", net.workDir());
            for (long size : latencySizes) {
                for (int i = 0; i < warmup; i++) {
                    byte[] blob = LocalNetwork.randomBlob((int) size, -1 - i - size);
                    read(base, store(base, blob, "epochs=1"), blob);
                }
            }
            System.out.println("| blob | op | runs | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            for (long size : latencySizes) {
                List<Double> stores = new ArrayList<>();
                List<Double> reads = new ArrayList<>();
                for (int i = 0; i < latencyRuns; i++) {
                    byte[] blob = LocalNetwork.randomBlob((int) size, 1000 + i + size);
                    long s = System.nanoTime();
                    String id = store(base, blob, "epochs=1");
                    stores.add((System.nanoTime() - s) / 1e6);
                    s = System.nanoTime();
                    read(base, id, blob);
                    reads.add((System.nanoTime() - s) / 1e6);
                }
                row(label(size), "store", stores);
                row(label(size), "read", reads);
            }
            System.out.println();
            System.out.println("| blob | op | runs | best s | median s | MB/s (best) |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            for (long mib : throughputMib) {
                List<Double> stores = new ArrayList<>();
                List<Double> reads = new ArrayList<>();
                for (int i = 0; i < throughputRuns; i++) {
                    byte[] blob = LocalNetwork.randomBlob((int) (mib << 20), 5000 + i + mib);
                    long s = System.nanoTime();
                    String id = store(base, blob, "epochs=1");
                    stores.add((System.nanoTime() - s) / 1e9);
                    s = System.nanoTime();
                    read(base, id, blob);
                    reads.add((System.nanoTime() - s) / 1e9);
                    blob = null;
                }
                throughputRow(mib, "store", stores);
                throughputRow(mib, "read", reads);
            }
        }
    }

    static String store(URI base, byte[] blob, String query) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/blobs?" + query))
                .timeout(Duration.ofMinutes(10)).PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("store failed: " + r.statusCode() + " " + new String(r.body()));
        }
        JsonNode json = JSON.readTree(r.body());
        JsonNode created = json.path("newlyCreated");
        return created.isMissingNode() ? json.path("alreadyCertified").path("blobId").asString()
                : created.path("blobObject").path("blobId").asString();
    }

    static void read(URI base, String id, byte[] expected) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/blobs/" + id))
                .timeout(Duration.ofMinutes(10)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 || !Arrays.equals(r.body(), expected)) {
            throw new IllegalStateException("read of " + id + " failed: " + r.statusCode());
        }
    }

    static void row(String size, String op, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f |%n", size, op, sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.99), sorted[sorted.length - 1]);
    }

    static void throughputRow(long mib, String op, List<Double> seconds) {
        double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| %d MiB | %s | %d | %.2f | %.2f | %.1f |%n", mib, op, sorted.length, sorted[0],
                percentile(sorted, 0.5), (mib << 20) / 1e6 / sorted[0]);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String label(long size) {
        return size >= 1 << 20 ? (size >> 20) + " MiB" : size >= 1024 ? (size >> 10) + " KiB" : size + " B";
    }

    static long[] longs(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }
}
