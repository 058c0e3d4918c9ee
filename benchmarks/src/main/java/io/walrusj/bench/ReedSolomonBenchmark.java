package io.walrusj.bench;

import io.walrusj.core.rs.ReedSolomon;
import io.walrusj.core.rs.ReedSolomonEncoder;
import io.walrusj.core.rs.RsParameters;
import io.walrusj.core.rs.ShardEngine;
import io.walrusj.core.rs.ShardLayout;
import java.util.SplittableRandom;
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
 * One Reed-Solomon codeword of 302-byte shards (the symbol size of a 64 MiB blob at n = 1000) in
 * the two shapes RS2 uses at n = 1000: the primary code K = 334, R = 666 (columns, high rate) and
 * the secondary code K = 667, R = 333 (rows, low rate), with the plain-Java and the Vector API
 * engine.
 *
 * <ul>
 *   <li>{@link #encode}: the black-box {@link ReedSolomon#encode(byte[][], int, ShardEngine)} call:
 *       allocation of the work buffer and the recovery shards, layout conversion in and out, and the
 *       FFTs.
 *   <li>{@link #encodeInPlace}: only {@link ReedSolomonEncoder#encode()} on a reused, pre-filled work
 *       buffer (the FFT work the blob encoder does per batch; the running time does not depend on
 *       the data, so re-encoding the previous output is as good as fresh input).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReedSolomonBenchmark {
    private static final int SHARD_BYTES = 302;

    /** "K/R": original and recovery shard counts. */
    @Param({"334/666", "667/333"})
    public String shape;

    @Param({"scalar", "vector"})
    public String engine;

    private ShardEngine shardEngine;
    private byte[][] originals;
    private int recoveryCount;
    private ReedSolomonEncoder encoder;

    @Setup(Level.Trial)
    public void setup() {
        String[] kr = shape.split("/");
        int k = Integer.parseInt(kr[0]);
        recoveryCount = Integer.parseInt(kr[1]);
        shardEngine = engine(engine);
        SplittableRandom random = new SplittableRandom(7);
        originals = new byte[k][SHARD_BYTES];
        for (byte[] shard : originals) {
            random.nextBytes(shard);
        }
        encoder = new ReedSolomonEncoder(RsParameters.of(k, recoveryCount), SHARD_BYTES / 2, shardEngine);
        for (int i = 0; i < k; i++) {
            ShardLayout.toWork(originals[i], 0, SHARD_BYTES, encoder.work(), encoder.shardOffset(i), 0);
        }
    }

    static ShardEngine engine(String name) {
        return switch (name) {
            case "scalar" -> ShardEngine.scalar();
            case "vector" -> {
                ShardEngine best = ShardEngine.best();
                if (best == ShardEngine.scalar()) {
                    throw new IllegalStateException("the Vector API engine is unavailable: run with --add-modules jdk.incubator.vector");
                }
                yield best;
            }
            default -> throw new IllegalArgumentException("unknown engine " + name);
        };
    }

    @Benchmark
    public byte[][] encode() {
        return ReedSolomon.encode(originals, recoveryCount, shardEngine);
    }

    @Benchmark
    public byte[] encodeInPlace() {
        encoder.encode();
        return encoder.work();
    }
}
