package io.walrusj.bench;

import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full RS2 blob encoding at n = 1000 (slivers, metadata and blob ID), ms per blob: a 1 KiB blob
 * (the blob-ID latency: with 2-byte symbols nearly all of it is the n x n leaf hashes and the 2n
 * Merkle trees) and a 64 MiB blob (throughput: MB/s = 67.108864 / seconds per op), with one thread
 * and with all cores ({@code parallelism = "all"} = {@link Runtime#availableProcessors()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms8g", "-Xmx8g"})
// Long warm-up: the Blake2b and Vector API kernels need several 64 MiB blobs to reach C2.
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
public class BlobEncodeBenchmark {
    static final int N_SHARDS = 1000;

    /** Blob size: "1KiB" or "64MiB" (any "&lt;number&gt;[KiB|MiB]" works with -p size=...). */
    @Param({"1KiB", "64MiB"})
    public String size;

    /** Encoder threads: a number, or "all" for every available processor. */
    @Param({"1", "all"})
    public String parallelism;

    private byte[] blob;
    private BlobEncoder encoder;

    @Setup(Level.Trial)
    public void setup() {
        blob = Inputs.randomBlob(Inputs.parseSize(size), 1);
        encoder = new BlobEncoder(new EncodingConfig(N_SHARDS), Inputs.parseParallelism(parallelism));
    }

    @Benchmark
    public EncodedBlob encode() {
        return encoder.encode(blob);
    }
}
