package io.walrusj.bench;

import io.walrusj.core.encoding.BlobDecoder;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.Arrays;
import java.util.List;
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
 * Decoding a 64 MiB blob at n = 1000 from p = 334 primary slivers, ms per blob (MB/s = 67.108864 /
 * seconds per op):
 * <ul>
 *   <li>{@code source = systematic}: primary slivers 0..p-1, which are the blob's rows, so no RS
 *       work is needed;
 *   <li>{@code source = last}: primary slivers n-p..n-1, all recovery slivers, so every row is
 *       RS-decoded (the worst case).
 * </ul>
 * {@code check}: the decoder's consistency check ({@code DEFAULT} re-hashes every decoded row that
 * was not an input, which is all of them for {@code last}; {@code SKIP} isolates the RS work).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xms8g", "-Xmx8g"})
// Long warm-up: the Blake2b and Vector API kernels need several 64 MiB blobs to reach C2.
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
public class BlobDecodeBenchmark {
    @Param({"64MiB"})
    public String size;

    @Param({"systematic", "last"})
    public String source;

    @Param({"DEFAULT", "SKIP"})
    public String check;

    @Param({"1", "all"})
    public String parallelism;

    private BlobMetadataWithId metadata;
    private List<SliverData> slivers;
    private BlobDecoder decoder;
    private BlobDecoder.ConsistencyCheck consistencyCheck;

    @Setup(Level.Trial)
    public void setup() {
        EncodingConfig config = new EncodingConfig(BlobEncodeBenchmark.N_SHARDS);
        int threads = Inputs.parseParallelism(parallelism);
        byte[] blob = Inputs.randomBlob(Inputs.parseSize(size), 2);
        EncodedBlob encoded = new BlobEncoder(config, threads).encode(blob);
        metadata = encoded.metadata();
        slivers = Inputs.primarySource(encoded, config, source);
        decoder = new BlobDecoder(config, threads);
        consistencyCheck = BlobDecoder.ConsistencyCheck.valueOf(check);
        byte[] decoded = decode();
        if (!Arrays.equals(decoded, blob)) {
            throw new IllegalStateException("decoded blob differs from the input");
        }
    }

    @Benchmark
    public byte[] decode() {
        return decoder.decode(metadata, slivers, SliverType.PRIMARY, consistencyCheck);
    }
}
