package io.walrusj.indexer.bench;

import io.walrusj.chain.follow.CheckpointBatch;
import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.indexer.IndexerApplication;
import io.walrusj.indexer.follow.FollowerRunner;
import io.walrusj.indexer.follow.IndexingBatchHandler;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.store.BlobStatusRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Measures the indexer on this machine: the application itself (Spring context, embedded
 * PostgreSQL in a fresh data directory, follower off) with
 * <ol>
 *   <li>{@code --objects} Blob objects (default 1,000,000) bulk-loaded with COPY;
 *   <li>ingestion from checkpoints: {@code --events} events (default 100,000) in checkpoints of
 *       {@code --per-checkpoint} transactions of one event each (default 20) on chain-testing's
 *       {@code FakeSuiChain}, read by the indexer's own checkpoint follower over Sui gRPC (backfill
 *       by {@code GetCheckpoint}), batches of at most 500 events (the follower's default), one
 *       database transaction each: events/s from start to the cursor at the chain head;
 *   <li>ingestion straight into the batch handler, no gRPC, one transaction per batch: twice a
 *       quarter of {@code --events} in batches of 50 (the JSON-RPC page) and of {@code --batch}
 *       (default 500, the checkpoint follower's), in turns, so both see the same load: events/s and
 *       per-batch latency;
 *   <li>one epoch change that expires about 1 % of the loaded objects (their statuses are recomputed);
 *   <li>status lookups of random loaded blob IDs ({@code --lookups}, default 20,000): through the
 *       JPA repository and through {@code GET /v1/blobs/{blobId}} over HTTP: p50 / p99 / max.
 * </ol>
 * Run: {@code ./mvnw -q -pl chain-indexer test-compile exec:java} (arguments with
 * {@code -Dexec.args="--objects 1000000 --events 100000"}).
 */
public final class IndexerBenchmark {

    /** Lookups before the measured ones (JIT). */
    private static final int WARMUP = 5000;

    private IndexerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int objects = intArg(args, "--objects", 1_000_000);
        int events = intArg(args, "--events", 100_000);
        int batch = intArg(args, "--batch", 500);
        int perCheckpoint = intArg(args, "--per-checkpoint", 20);
        int lookups = intArg(args, "--lookups", 20_000);
        Path dir = Path.of(stringArg(args, "--data-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "walrusj-indexer-bench").toString())).toAbsolutePath();
        wipe(dir);

        long t0 = System.nanoTime();
        FakeSuiChain chain = FakeSuiChain.start();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(IndexerApplication.class)
                .run(Stream.concat(Stream.of("--indexer.follow.enabled=false", "--server.port=0",
                        "--indexer.data-dir=" + dir, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                        "--indexer.rpc-url=" + chain.grpcUrl(), "--indexer.package-id=" + FakeSuiChain.PACKAGE,
                        "--indexer.system-object-id=" + FakeSuiChain.SYSTEM,
                        "--indexer.staking-object-id=" + FakeSuiChain.STAKING, "--indexer.follow.read-committee=false"),
                        Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--server.")))
                        .toArray(String[]::new));
        try {
            System.out.printf(Locale.ROOT, "application started in %.1f s (data in %s)%n", secs(t0), dir);
            int port = ctx.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            DataSource ds = ctx.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            long epoch = 10;

            long t1 = System.nanoTime();
            BulkLoader.load(ds, objects, epoch);
            double loadSecs = secs(t1);
            System.out.printf(Locale.ROOT, "bulk load (COPY): %,d blob objects + %,d statuses in %.1f s (%,.0f rows/s)%n",
                    objects, objects, loadSecs, 2.0 * objects / loadSecs);

            SyntheticChain synthetic = new SyntheticChain(epoch);
            followCheckpoints(ctx, chain, synthetic, perCheckpoint, events, jdbc);
            ingest(ctx, synthetic, chain.head(), batch, events, epoch, jdbc);
            // Steady state for the read test: no autovacuum or checkpoint of the load still running.
            long t2 = System.nanoTime();
            jdbc.execute("vacuum analyze");
            jdbc.execute("checkpoint");
            System.out.printf(Locale.ROOT, "vacuum analyze + checkpoint: %.1f s%n", secs(t2));
            if (lookups > 0) {
                lookups(ctx, port, objects, lookups);
            }
        } finally {
            ctx.close();
            chain.close();
        }
    }

    /** The follower over gRPC from the fake chain: warm-up (15,000 events), then {@code events} events measured. */
    private static void followCheckpoints(ConfigurableApplicationContext ctx, FakeSuiChain chain, SyntheticChain synthetic,
            int perCheckpoint, int events, JdbcTemplate jdbc) throws InterruptedException {
        FollowerRunner runner = ctx.getBean(FollowerRunner.class);
        fill(chain, synthetic, perCheckpoint, 15_000);
        runner.start();
        awaitCursorAt(chain.head(), jdbc);
        runner.stop();
        long first = chain.head() + 1;
        fill(chain, synthetic, perCheckpoint, events);
        long start = System.nanoTime();
        runner.start();
        awaitCursorAt(chain.head(), jdbc);
        double s = secs(start);
        runner.stop();
        System.out.printf(Locale.ROOT, "ingestion from checkpoints over gRPC (follower): %,d events in %,d checkpoints "
                + "of %d in %.1f s = %,.0f events/s%n", events, chain.head() - first + 1, perCheckpoint, s, events / s);
    }

    private static void fill(FakeSuiChain chain, SyntheticChain synthetic, int perCheckpoint, int events) {
        for (int done = 0; done < events; ) {
            List<ExecutedTransaction> txs = new ArrayList<>();
            for (int i = 0; i < perCheckpoint && done < events; i++, done++) {
                SyntheticChain.Sent e = synthetic.nextSent();
                txs.add(chain.transaction(e.sender(), e.event()));
            }
            chain.append(txs.toArray(ExecutedTransaction[]::new));
        }
    }

    private static void awaitCursorAt(long checkpoint, JdbcTemplate jdbc) throws InterruptedException {
        String want = "checkpoint:" + checkpoint;
        while (!jdbc.queryForList("select follower_cursor from indexer_cursor", String.class).contains(want)) {
            Thread.sleep(5);
        }
    }

    /** Checkpoint batches straight into the handler, continuing after checkpoint {@code head}. */
    private static void ingest(ConfigurableApplicationContext ctx, SyntheticChain chain, long head, int batch, int events,
            long epoch, JdbcTemplate jdbc) throws Exception {
        IndexingBatchHandler handler = new IndexingBatchHandler(ctx.getBean(IngestService.class), null);
        long[] checkpoint = {head};
        java.util.function.Function<List<WalrusEventEnvelope>, CheckpointBatch> asBatch =
                b -> new CheckpointBatch(b, CheckpointCursor.endOf(++checkpoint[0]), Instant.now());
        // the handler takes the factory's cursor text, as the follower hands it over
        // A/B under the same load: the JSON-RPC follower's pages of 50, then batches of --batch, in turns
        for (int round = 0; round < 2; round++) {
            for (int size : new int[] {50, batch}) {
                int batches = Math.max(1, events / 4 / size);
                long[] nanos = new long[batches];
                long start = System.nanoTime();
                for (int i = 0; i < batches; i++) {
                    CheckpointBatch b = asBatch.apply(chain.batch(size));
                    long t = System.nanoTime();
                    handler.handle(b.events(), "checkpoint:" + b.newCursor());
                    nanos[i] = System.nanoTime() - t;
                }
                double s = secs(start);
                long n = (long) batches * size;
                System.out.printf(Locale.ROOT, "ingestion into the handler: %,d events in %,d batches of %d in %.1f s = "
                        + "%,.0f events/s; batch commit p50 %.2f ms, p99 %.2f ms%n", n, batches, size, s, n / s,
                        pct(nanos, 50) / 1e6, pct(nanos, 99) / 1e6);
            }
        }

        Long expiring = jdbc.queryForObject("select count(distinct blob_id) from blob_objects "
                + "where not deleted and end_epoch = ?", Long.class, epoch + 1);
        List<WalrusEventEnvelope> change = chain.epochChange(epoch + 1);
        long t = System.nanoTime();
        CheckpointBatch c = asBatch.apply(change);
        handler.handle(c.events(), "checkpoint:" + c.newCursor());
        System.out.printf(Locale.ROOT, "epoch change %d -> %d: %,d blob IDs expired, statuses recomputed in %.0f ms%n",
                epoch, epoch + 1, expiring, secs(t) * 1000);
    }

    private static void lookups(ConfigurableApplicationContext ctx, int port, int objects, int lookups)
            throws IOException, InterruptedException {
        BlobStatusRepository repo = ctx.getBean(BlobStatusRepository.class);
        SplittableRandom random = new SplittableRandom(99);
        long[] repoNanos = new long[lookups];
        long gc = 0;
        for (int i = -WARMUP; i < lookups; i++) {
            if (i == 0) {
                gc = gcMillis();
            }
            String id = BulkLoader.blobId(random.nextInt(objects)).toString();
            long t = System.nanoTime();
            repo.findById(id).orElseThrow();
            if (i >= 0) {
                repoNanos[i] = System.nanoTime() - t;
            }
        }
        report("status lookup, JPA repository", repoNanos, gcMillis() - gc);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] httpNanos = new long[lookups];
        for (int i = -WARMUP; i < lookups; i++) {
            if (i == 0) {
                gc = gcMillis();
            }
            String id = BulkLoader.blobId(random.nextInt(objects)).toString();
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/blobs/" + id)).build();
            long t = System.nanoTime();
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + id + " -> " + r.statusCode() + " " + r.body());
            }
            if (i >= 0) {
                httpNanos[i] = System.nanoTime() - t;
            }
        }
        report("status lookup, GET /v1/blobs/{id} over HTTP", httpNanos, gcMillis() - gc);
    }

    private static void report(String what, long[] nanos, long gcMillis) {
        System.out.printf(Locale.ROOT, "%s: %,d lookups, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms "
                + "(GC during the run: %d ms)%n", what, nanos.length, pct(nanos, 50) / 1e6, pct(nanos, 99) / 1e6,
                pct(nanos, 99.9) / 1e6, Arrays.stream(nanos).max().orElse(0) / 1e6, gcMillis);
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double pct(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int intArg(String[] args, String name, int dflt) {
        String v = stringArg(args, name, null);
        return v == null ? dflt : Integer.parseInt(v.replace("_", "").replace(",", ""));
    }

    private static String stringArg(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    private static void wipe(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
    }
}
