package io.walrusj.bench;

import io.walrusj.core.encoding.BlobDecoder;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.hash.Blake2bBatch;
import io.walrusj.core.merkle.MerkleTree;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.rs.ReedSolomonEncoder;
import io.walrusj.core.rs.RsParameters;
import io.walrusj.core.rs.ShardEngine;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A plain (non-JMH) end-to-end benchmark of RS2 encoding and decoding at n = 1000, printing one
 * table: blob-ID time for a 1 KiB blob, encode + metadata throughput for 64 MiB and 256 MiB blobs
 * and decode throughput for a 64 MiB blob, each with one thread and with all cores, next to the
 * Walrus reference encoder's figures and this project's targets. Then, unless {@code
 * --no-breakdown}, a single-thread estimate of where encoding time goes (RS, leaf hashes, Merkle
 * trees, rest), from the same kernels timed on their own.
 *
 * <p>Units: MB = 10^6 bytes (MB/s = blob bytes per microsecond); blob sizes are binary (1 KiB =
 * 2^10 bytes, 64 MiB = 2^26 bytes). Inputs are pseudo-random bytes from a seeded
 * {@link SplittableRandom}. After a JIT warm-up (encoding and decoding a 64 MiB blob for {@code
 * --warmup-seconds}, 20 by default), each case is run once untimed to warm up, then timed {@code --runs}
 * times (3 by default; the 1 KiB blob-ID case: 3 warm-ups, 9 runs) with a {@code System.gc()}
 * before every run; min and median are printed, throughput is computed from both.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -Xmx12g -cp benchmarks/target/benchmarks.jar \
 *     io.walrusj.bench.EncodeBenchmarkCommand [--quick] [--threads N] [--runs R] [--warmup-seconds S]
 *     [--no-decode] [--no-breakdown]
 * </pre>
 * {@code --quick} skips the 256 MiB blob.
 */
public final class EncodeBenchmarkCommand {
    private static final int N_SHARDS = 1000;
    private static final int KIB = 1 << 10;
    private static final int MIB = 1 << 20;
    private static final int H = 32;

    /** Walrus reference encoder (single thread, WebAssembly) measured on this machine. */
    private static final double REFERENCE_BLOB_ID_1K_SECONDS = 3.1;
    private static final double REFERENCE_ENCODE_64M_SECONDS = 8.3;

    private final PrintStream out = System.out;
    private final EncodingConfig config = new EncodingConfig(N_SHARDS);
    private final int allThreads;
    private final int runs;
    private final List<Row> rows = new ArrayList<>();

    private EncodeBenchmarkCommand(int allThreads, int runs) {
        this.allThreads = allThreads;
        this.runs = runs;
    }

    public static void main(String[] args) {
        boolean quick = false;
        boolean decode = true;
        boolean breakdown = true;
        int threads = Runtime.getRuntime().availableProcessors();
        int runs = 3;
        int warmupSeconds = 20;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--no-decode" -> decode = false;
                case "--no-breakdown" -> breakdown = false;
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--runs" -> runs = Integer.parseInt(value(args, ++i));
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(value(args, ++i));
                case "-h", "--help" -> {
                    System.out.println("usage: EncodeBenchmarkCommand [--quick] [--threads N] [--runs R] [--warmup-seconds S] [--no-decode] [--no-breakdown]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        if (threads < 1 || runs < 1 || warmupSeconds < 0) {
            System.err.println("--threads and --runs must be at least 1, --warmup-seconds at least 0");
            System.exit(2);
        }
        new EncodeBenchmarkCommand(threads, runs).run(quick, decode, breakdown, warmupSeconds);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("option " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }

    private void run(boolean quick, boolean decode, boolean breakdown, int warmupSeconds) {
        ShardEngine engine = ShardEngine.best();
        out.printf(Locale.ROOT, "walrus-j RS2 benchmark: n = %d (p = %d, s = %d), %s %s, %d available processors, max heap %d MiB%n",
                N_SHARDS, config.primarySymbols(), config.secondarySymbols(), System.getProperty("java.vm.name"),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "RS engine: %s%s; batched Blake2b: %s; all cores = %d threads; MB = 10^6 bytes, KiB/MiB = 2^10/2^20 bytes%n",
                engine.getClass().getSimpleName(),
                engine == ShardEngine.scalar() ? " (Vector API unavailable: add --add-modules jdk.incubator.vector)" : "",
                Blake2bBatch.vectorized() ? "SIMD lanes" : "scalar fallback", allThreads);
        long initialHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit();
        if (initialHeap < Runtime.getRuntime().maxMemory() / 2) {
            out.printf(Locale.ROOT, "note: initial heap %d MiB < max heap: pass -Xms equal to -Xmx (as run.sh does), or the heap"
                    + " shrinks at each System.gc() and re-faults its pages (slower, noisier runs)%n", initialHeap >> 20);
        }
        printLoad("start");
        out.println();
        jitWarmup(warmupSeconds, decode);

        // 1 KiB: blob ID latency.
        byte[] small = Inputs.randomBlob(KIB, 1);
        for (int threads : threadCounts()) {
            BlobEncoder encoder = new BlobEncoder(config, threads);
            BlobId id = encoder.computeMetadata(small).blobId();
            progress("blob ID of the 1 KiB blob (seed 1): " + id);
            Timing t = time(3, 9, () -> encoder.computeMetadata(small));
            Row row = new Row("blob ID, 1 KiB", threads, t, KIB, false);
            if (threads == allThreads) {
                row.target = "<= 0.5 s";
                row.met = t.median() <= 0.5;
            }
            if (threads == 1) {
                row.reference = String.format(Locale.ROOT, "%.1f s (%.1fx)", REFERENCE_BLOB_ID_1K_SECONDS,
                        REFERENCE_BLOB_ID_1K_SECONDS / t.median());
            }
            add(row);
        }

        // Encode throughput.
        List<Integer> sizes = quick ? List.of(64 * MIB) : List.of(64 * MIB, 256 * MIB);
        for (int size : sizes) {
            byte[] blob = Inputs.randomBlob(size, 1);
            for (int threads : threadCounts()) {
                BlobEncoder encoder = new BlobEncoder(config, threads);
                Timing t = time(1, runs, () -> encoder.encode(blob));
                Row row = new Row("encode + metadata, " + Inputs.formatSize(size), threads, t, size, true);
                if (threads == allThreads) {
                    double targetMbs = size == 64 * MIB ? 60 : 120;
                    row.target = String.format(Locale.ROOT, ">= %.0f MB/s", targetMbs);
                    row.met = size / t.median() / 1e6 >= targetMbs;
                }
                if (threads == 1 && size == 64 * MIB) {
                    row.reference = String.format(Locale.ROOT, "%.1f s = %.0f MB/s (%.1fx)", REFERENCE_ENCODE_64M_SECONDS,
                            size / REFERENCE_ENCODE_64M_SECONDS / 1e6, REFERENCE_ENCODE_64M_SECONDS / t.median());
                }
                add(row);
            }
        }

        if (decode) {
            decodeCases();
        }
        printTable();
        if (breakdown) {
            out.println();
            breakdown(KIB);
            out.println();
            breakdown(64 * MIB);
        }
        out.println();
        printLoad("end");
    }

    /** Other processes competing for the cores distort every number here; the "others" column says by how much. */
    private void printLoad(String when) {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load >= 0) {
            out.printf(Locale.ROOT, "system load average (1 min, any process) at %s: %.2f%n", when, load);
        }
    }

    /**
     * One warm-up run per case is not enough for the JIT: the big Blake2b methods and the Vector API
     * kernels reach C2 only after a few 64 MiB encodes (until then Vector API code runs boxed and is
     * far slower than scalar code). So first encode (and decode) a 64 MiB blob with all threads for
     * {@code seconds} seconds, at least twice.
     */
    private void jitWarmup(int seconds, boolean decode) {
        if (seconds == 0) {
            return;
        }
        byte[] blob = Inputs.randomBlob(64 * MIB, 5);
        BlobEncoder encoder = new BlobEncoder(config, allThreads);
        BlobDecoder decoder = new BlobDecoder(config, allThreads);
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        int rounds = 0;
        while (rounds < 2 || System.nanoTime() < deadline) {
            long t = System.nanoTime();
            EncodedBlob encoded = encoder.encode(blob);
            String what = String.format(Locale.ROOT, "JIT warm-up round %d: encode 64 MiB %.3f s", rounds + 1, (System.nanoTime() - t) / 1e9);
            if (decode) {
                t = System.nanoTime();
                decoder.decode(encoded.metadata(), Inputs.primarySource(encoded, config, "last"), SliverType.PRIMARY,
                        BlobDecoder.ConsistencyCheck.DEFAULT);
                what += String.format(Locale.ROOT, ", decode %.3f s", (System.nanoTime() - t) / 1e9);
            }
            progress(what);
            rounds++;
        }
    }

    private List<Integer> threadCounts() {
        return allThreads == 1 ? List.of(1) : List.of(1, allThreads);
    }

    /** Decoding 64 MiB from p primary slivers: the systematic ones (no RS) and the last p (all rows RS-decoded). */
    private void decodeCases() {
        int size = 64 * MIB;
        byte[] blob = Inputs.randomBlob(size, 2);
        EncodedBlob encoded = new BlobEncoder(config, allThreads).encode(blob);
        for (String source : List.of("systematic", "last")) {
            List<SliverData> slivers = Inputs.primarySource(encoded, config, source);
            for (int threads : threadCounts()) {
                BlobDecoder decoder = new BlobDecoder(config, threads);
                byte[] decoded = decoder.decode(encoded.metadata(), slivers, SliverType.PRIMARY, BlobDecoder.ConsistencyCheck.DEFAULT);
                if (!Arrays.equals(decoded, blob)) {
                    throw new IllegalStateException("decoded blob differs from the input (" + source + ")");
                }
                Timing t = time(1, runs, () -> decoder.decode(encoded.metadata(), slivers, SliverType.PRIMARY,
                        BlobDecoder.ConsistencyCheck.DEFAULT));
                String what = source.equals("systematic") ? "primary 0..p-1" : "primary n-p..n-1";
                add(new Row("decode 64 MiB, " + what, threads, t, size, true));
            }
        }
    }

    /**
     * Single-thread estimate of where encoding time goes: the kernels the encoder runs for a blob of
     * {@code size} bytes, each timed on its own with the encoder's batch shapes, against a full
     * single-thread encode. "rest" is layout conversion, sliver copies, allocation and GC.
     */
    private void breakdown(int size) {
        int n = N_SHARDS;
        int p = config.primarySymbols();
        int s = config.secondarySymbols();
        int symbolSize = config.symbolSize(size);
        int elements = symbolSize / 2;
        int stride = elements >= 32 ? (elements + 31) & ~31 : elements; // Batches.stride in walrus-core
        ShardEngine engine = ShardEngine.best();
        byte[] blob = Inputs.randomBlob(size, 1);

        BlobEncoder encoder = new BlobEncoder(config, 1);
        Timing full = time(1, runs, () -> encoder.encode(blob));
        double total = full.median();

        // RS over rows: p codewords of the secondary code (K = s, R = n - s); over columns: n of the primary code.
        double rsRows = rsTime(config.secondaryCode(), p, stride, engine);
        double rsColumns = rsTime(config.primaryCode(), n, stride, engine);

        // n x n leaf hashes H(0x00 || symbol), one column of n per Blake2bBatch call as the encoder does,
        // read from a 4 MiB buffer (the encoder hashes symbols it has just written).
        byte[] symbols = Inputs.randomBlob(4 * MIB, 3);
        int perBuffer = symbols.length / symbolSize;
        byte[] leaves = new byte[n * n * H];
        byte[][] sources = new byte[n][];
        Arrays.fill(sources, symbols);
        int[] sourceOffsets = new int[n];
        int[] leafOffsets = new int[n];
        double leafHashes = time(1, runs, () -> {
            for (int c = 0; c < n; c++) {
                for (int r = 0; r < n; r++) {
                    sourceOffsets[r] = (int) ((long) (c * n + r) % perBuffer) * symbolSize;
                    leafOffsets[r] = (r * n + c) * H;
                }
                Blake2bBatch.prefixedHashes((byte) 0, sources, sourceOffsets, symbolSize, n, leaves, leafOffsets);
            }
            return leaves;
        }).median();

        // 2n Merkle trees over the shared leaf hashes: rows contiguous, columns strided.
        byte[] scratch = new byte[n * H];
        double trees = time(1, runs, () -> {
            byte[] last = null;
            for (int row = 0; row < n; row++) {
                last = MerkleTree.rootOfLeafHashes(leaves, row * n * H, H, n, scratch);
            }
            for (int column = 0; column < n; column++) {
                last = MerkleTree.rootOfLeafHashes(leaves, column * H, n * H, n, scratch);
            }
            return last;
        }).median();

        double rest = total - rsRows - rsColumns - leafHashes - trees;
        out.printf(Locale.ROOT, "Where single-thread encode time goes, %s blob (symbol size %d B; kernels timed separately,"
                + " medians; others = %s cores):%n", Inputs.formatSize(size), symbolSize, cores(full.otherCores()));
        String format = "  %-58s %10.1f ms %6.1f%%%n";
        out.printf(Locale.ROOT, format, "full encode + metadata, 1 thread", total * 1e3, 100.0);
        out.printf(Locale.ROOT, format, String.format(Locale.ROOT, "RS rows: %d codewords K=%d R=%d", p, s, n - s),
                rsRows * 1e3, 100 * rsRows / total);
        out.printf(Locale.ROOT, format, String.format(Locale.ROOT, "RS columns: %d codewords K=%d R=%d", n, p, n - p),
                rsColumns * 1e3, 100 * rsColumns / total);
        out.printf(Locale.ROOT, format, String.format(Locale.ROOT, "leaf hashes: %d x Blake2b(1 + %d B), batched by column", n * n, symbolSize),
                leafHashes * 1e3, 100 * leafHashes / total);
        out.printf(Locale.ROOT, format, String.format(Locale.ROOT, "Merkle trees: %d trees x %d leaves (inner-node hashes)", 2 * n, n),
                trees * 1e3, 100 * trees / total);
        out.printf(Locale.ROOT, format, "rest (layout conversion, copies, allocation, GC)", rest * 1e3, 100 * rest / total);
    }

    /** Time to RS-encode {@code codewords} codewords of {@code stride} elements each, batched as the encoder does. */
    private double rsTime(RsParameters code, int codewords, int stride, ShardEngine engine) {
        int perBatch = Math.max(1, Math.min(codewords, 1024 / stride));
        int batches = (codewords + perBatch - 1) / perBatch;
        ReedSolomonEncoder encoder = new ReedSolomonEncoder(code, perBatch * stride, engine);
        new SplittableRandom(4).nextBytes(encoder.work());
        return time(1, runs, () -> {
            for (int b = 0; b < batches; b++) {
                encoder.encode();
            }
            return encoder.work();
        }).median();
    }

    private void progress(String message) {
        System.err.println("  " + message);
    }

    private void add(Row row) {
        rows.add(row);
        progress(String.format(Locale.ROOT, "%-40s %2d thread(s): min %.3f s, median %.3f s (cores %s, others %s)",
                row.name, row.threads, row.timing.min(), row.timing.median(), cores(row.timing.ownCores()),
                cores(row.timing.otherCores())));
    }

    private void printTable() {
        out.println();
        String header = String.format(Locale.ROOT, "%-38s %7s %9s %9s %10s %10s %5s %6s  %-12s %-5s  %s",
                "case (n = 1000)", "threads", "min s", "median s", "MB/s best", "MB/s med", "cores", "others", "target", "met",
                "Walrus reference (1 thread)");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (Row r : rows) {
            String best = r.throughput ? String.format(Locale.ROOT, "%.1f", r.bytes / r.timing.min() / 1e6) : "-";
            String median = r.throughput ? String.format(Locale.ROOT, "%.1f", r.bytes / r.timing.median() / 1e6) : "-";
            String met = r.target == null ? "" : r.met ? "yes" : "NO";
            out.printf(Locale.ROOT, "%-38s %7d %9.3f %9.3f %10s %10s %5s %6s  %-12s %-5s  %s%n", r.name, r.threads,
                    r.timing.min(), r.timing.median(), best, median, cores(r.timing.ownCores()), cores(r.timing.otherCores()),
                    r.target == null ? "" : r.target, met, r.reference == null ? "" : r.reference);
        }
        out.printf(Locale.ROOT, "(after a JIT warm-up; blob ID: 3 warm-ups + 9 runs; others: 1 warm-up + %d runs;"
                + " MB/s = blob bytes / 10^6 / s;%n cores = CPU seconds this process used per wall second of the timed runs,"
                + " others = the same for every other process on the machine: above ~0.1 the numbers are disturbed;"
                + " '-' = runs too short to tell)%n", runs);
    }

    private static String cores(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * Runs {@code warmups} untimed, then {@code count} timed runs, each after a GC. Also records the
     * CPU time this process used during the timed runs and, on Linux, the CPU time the rest of the
     * machine used (from /proc/stat), both in cores (CPU seconds per wall second).
     */
    private static Timing time(int warmups, int count, Supplier<Object> task) {
        Object sink = null;
        for (int i = 0; i < warmups; i++) {
            sink = task.get();
        }
        double[] seconds = new double[count];
        double wall = 0;
        double ownCpu = 0;
        double machineBusy = 0;
        for (int i = 0; i < count; i++) {
            sink = null;
            System.gc();
            double busy0 = machineBusySeconds();
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            sink = task.get();
            seconds[i] = (System.nanoTime() - start) / 1e9;
            ownCpu += (processCpuNanos() - cpu0) / 1e9;
            machineBusy += machineBusySeconds() - busy0;
            wall += seconds[i];
        }
        if (sink == null) {
            throw new IllegalStateException("task returned nothing");
        }
        if (wall < 0.5) {
            // /proc/stat counts in 10 ms ticks: too coarse for a few short runs.
            return new Timing(seconds, Double.NaN, Double.NaN);
        }
        double others = Double.isNaN(machineBusy) ? Double.NaN : Math.max(0, machineBusy - ownCpu) / wall;
        return new Timing(seconds, ownCpu / wall, others);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Busy CPU seconds of the whole machine so far (Linux /proc/stat, USER_HZ = 100), NaN elsewhere. */
    private static double machineBusySeconds() {
        try {
            String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).getFirst();
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return (total - idle) / 100.0;
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * @param ownCores   this process's CPU seconds per wall second during the timed runs
     * @param otherCores the rest of the machine's busy CPU seconds per wall second (NaN if unknown)
     */
    private record Timing(double[] seconds, double ownCores, double otherCores) {
        double min() {
            return Arrays.stream(seconds).min().orElseThrow();
        }

        double median() {
            double[] sorted = seconds.clone();
            Arrays.sort(sorted);
            int mid = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }

    private static final class Row {
        final String name;
        final int threads;
        final Timing timing;
        final long bytes;
        final boolean throughput;
        String target;
        boolean met;
        String reference;

        Row(String name, int threads, Timing timing, long bytes, boolean throughput) {
            this.name = name;
            this.threads = threads;
            this.timing = timing;
            this.bytes = bytes;
            this.throughput = throughput;
        }
    }
}
