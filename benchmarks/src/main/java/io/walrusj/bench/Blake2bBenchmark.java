package io.walrusj.bench;

import io.walrusj.core.hash.Blake2b256;
import io.walrusj.core.hash.Blake2bBatch;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Blake2b-256 as the encoder uses it: Merkle inner nodes ({@code H(0x01 || left || right)}, one
 * compression) and Merkle leaves ({@code H(0x00 || symbol)}) of 302-byte symbols, the symbol size of
 * a 64 MiB blob at n = 1000 (a 303-byte message, three compressions). Each comes one message at a
 * time ({@link Blake2b256}, scalar) and as the encoder calls it, many equally long messages at once
 * ({@link Blake2bBatch}, one message per SIMD lane when the Vector API is present: a level of 512
 * inner nodes, a column of n = 1000 leaves).
 *
 * <p>Inner nodes: ns per node. Leaves: throughput in leaves per microsecond; the secondary result
 * {@code :bytes} counts hashed symbol bytes, so its "ops/us" figure is bytes per microsecond, i.e.
 * MB/s (10^6 bytes/s).
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Blake2bBenchmark {
    private static final int SYMBOL = 302;
    /** Leaves per batch call: one column at n = 1000. */
    private static final int COLUMN = 1000;
    /** Inner nodes per batch call: the first level of a 1024-leaf tree. */
    private static final int PAIRS = 512;

    private final byte[] left = new byte[32];
    private final byte[] right = new byte[32];
    private final byte[] out = new byte[32];
    /** A column's symbols back to back (302 KB); the single-message benchmark cycles through them. */
    private final byte[] symbols = new byte[COLUMN * SYMBOL];
    private final byte[][] sources = new byte[COLUMN][];
    private final int[] sourceOffsets = new int[COLUMN];
    private final int[] leafOffsets = new int[COLUMN];
    private final byte[] leaves = new byte[COLUMN * 32];
    private final byte[] level = new byte[2 * PAIRS * 32];
    private final byte[] parents = new byte[PAIRS * 32];
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        SplittableRandom random = new SplittableRandom(42);
        random.nextBytes(left);
        random.nextBytes(right);
        random.nextBytes(symbols);
        random.nextBytes(level);
        for (int i = 0; i < COLUMN; i++) {
            sources[i] = symbols;
            sourceOffsets[i] = i * SYMBOL;
            leafOffsets[i] = i * 32;
        }
    }

    /** Hashed symbol bytes, reported per unit of time (bytes/us = MB/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;
    }

    /** One Merkle inner node: H(0x01 || left || right), a single compression (scalar). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void innerHash(Blackhole bh) {
        Blake2b256.innerHash(left, 0, right, 0, out, 0);
        bh.consume(out);
    }

    /** A level of 512 inner nodes through {@link Blake2bBatch#innerHashes}; ns per node. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(PAIRS)
    public byte[] innerHashesBatch() {
        Blake2bBatch.innerHashes(level, 0, PAIRS, parents, 0);
        return parents;
    }

    /** One Merkle leaf over a 302-byte symbol: H(0x00 || symbol) (scalar). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void prefixedHash302(Bytes counter, Blackhole bh) {
        int i = next;
        next = i + 1 == COLUMN ? 0 : i + 1;
        Blake2b256.prefixedHash((byte) 0, symbols, i * SYMBOL, SYMBOL, out, 0);
        counter.bytes += SYMBOL;
        bh.consume(out);
    }

    /** A column of 1000 leaves over 302-byte symbols through {@link Blake2bBatch#prefixedHashes}. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(COLUMN)
    public byte[] prefixedHashes302Batch(Bytes counter) {
        Blake2bBatch.prefixedHashes((byte) 0, sources, sourceOffsets, SYMBOL, COLUMN, leaves, leafOffsets);
        counter.bytes += (long) COLUMN * SYMBOL;
        return leaves;
    }
}
