package io.walrusj.core.rs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ReedSolomonTest {
    private static final HexFormat HEX = HexFormat.of();

    static java.util.stream.Stream<ShardEngine> engines() {
        return java.util.stream.Stream.of(ShardEngine.scalar(), ShardEngine.best());
    }

    @Test
    void bestEngineIsTheVectorEngineWhenTheModuleIsPresent() {
        // The build runs tests with --add-modules jdk.incubator.vector. Without this check, a silent
        // fallback in ShardEngine.best() would make every two-engine test compare the scalar engine
        // with itself.
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
                .as("the test JVM runs with --add-modules jdk.incubator.vector").isPresent();
        assertThat(ShardEngine.best()).isInstanceOf(VectorEngine.class);
    }

    @ParameterizedTest
    @MethodSource("engines")
    void simpleVectors(ShardEngine engine) {
        assertThat(hex(ReedSolomon.encode(shards("0102", "0304", "0506"), 2, engine))).containsExactly("fc01", "fb01");
        assertThat(hex(ReedSolomon.encode(shards("00010203", "04050607"), 3, engine)))
                .containsExactly("34350908", "30310d0c", "a8a90405");
        assertThat(hex(ReedSolomon.encode(shards("abcd"), 3, engine))).containsExactly("abcd", "abcd", "abcd");
        assertThat(hex(ReedSolomon.encode(shards("000102030405", "0708090a0b0c", "0e0f10111213", "15161718191a"), 1, engine)))
                .containsExactly("1c100c000400");
        assertThat(hex(ReedSolomon.encode(generate(9, 6, (k, i) -> 13 * k + 5 * i + 3), 4, engine)))
                .containsExactly("20d907de043b", "24bc6deb7ee9", "f43441623571", "c371662d0877");
        // docs/spec/walrus-encoding.md section 13, n = 4
        assertThat(hex(ReedSolomon.encode(shards("0d14", "1b22", "2930"), 1, engine))).containsExactly("3f06");
        assertThat(hex(ReedSolomon.encode(shards("0d14", "373e"), 2, engine))).containsExactly("0e20", "340a");
    }

    static java.util.stream.Stream<Arguments> hashedVectors() {
        return java.util.stream.Stream.of(
                Arguments.of("E", 5, 8, 64, (IntBinaryOperator) (k, i) -> 64 * k + i,
                        "de47a2e373eeeb3841803c4be17483a0ad778f51869d4441035ff79c69443a8c"),
                Arguments.of("F", 4, 6, 66, (IntBinaryOperator) (k, i) -> 31 * k + 7 * i + 1,
                        "d3b18d57b0f65021c6e6e0fe75243b17477b73eb44865a2546ae2803d98c7fc2"),
                Arguments.of("H", 7, 3, 130, (IntBinaryOperator) (k, i) -> 11 * k * k + 3 * i * i + i,
                        "6958d9d313cb2ca598155fd99e765166d2f7539ebffa0dd856a2f630e4227fa3"),
                Arguments.of("I", 334, 666, 20, (IntBinaryOperator) (k, i) -> 37 * (20 * k + i) + k / 8,
                        "505f1073f451736df44f12c5448f31514b516dddd97eb3bc696c48b041b2c63e"),
                Arguments.of("J", 667, 333, 20, (IntBinaryOperator) (k, i) -> 91 * (20 * k + i) + k / 4,
                        "1bee467ca58968b7b83edd44af8907bad88e63e91c47b170a223044244681d0a"));
    }

    @ParameterizedTest(name = "vector {0}")
    @MethodSource("hashedVectors")
    void hashedVectorsBothEngines(String id, int k, int r, int length, IntBinaryOperator byteAt, String sha) throws Exception {
        byte[][] originals = generate(k, length, byteAt);
        for (ShardEngine engine : engines().toList()) {
            assertThat(sha256(ReedSolomon.encode(originals, r, engine))).as("%s with %s", id, engine).isEqualTo(sha);
        }
    }

    @Test
    void fftEncodersEqualLagrangeInterpolation() {
        Random random = new Random(42);
        int[][] shapes = {{3, 2}, {2, 3}, {7, 3}, {3, 7}, {9, 4}, {4, 9}, {5, 5}, {17, 6}, {6, 17}, {1, 4}, {4, 1}, {33, 20}, {12, 40}};
        for (int[] shape : shapes) {
            for (int length : new int[] {2, 10, 64, 66, 130}) {
                byte[][] originals = random(random, shape[0], length);
                byte[][] expected = LagrangeOracle.encode(originals, shape[1]);
                assertThat(ReedSolomon.encode(originals, shape[1], ShardEngine.scalar()))
                        .as("K=%d R=%d L=%d", shape[0], shape[1], length).isDeepEqualTo(expected);
                assertThat(ReedSolomon.encode(originals, shape[1], ShardEngine.best()))
                        .as("K=%d R=%d L=%d", shape[0], shape[1], length).isDeepEqualTo(expected);
            }
        }
    }

    @Test
    void decodesFromAnyKShardsWithBothEngines() {
        Random random = new Random(1);
        int[][] shapes = {{3, 2}, {2, 3}, {7, 3}, {3, 7}, {34, 66}, {67, 33}, {5, 8}, {1, 3}, {4, 1}};
        for (int[] shape : shapes) {
            int k = shape[0];
            int r = shape[1];
            for (int trial = 0; trial < 4; trial++) {
                int length = 2 * (1 + random.nextInt(70));
                byte[][] originals = random(random, k, length);
                byte[][] recovery = ReedSolomon.encode(originals, r);
                byte[][] codeword = new byte[k + r][];
                int[] order = shuffled(random, k + r);
                for (int i = 0; i < k; i++) { // exactly K survivors, chosen at random
                    int idx = order[i];
                    codeword[idx] = idx < k ? originals[idx] : recovery[idx - k];
                }
                for (ShardEngine engine : engines().toList()) {
                    assertThat(ReedSolomon.decode(k, codeword, engine))
                            .as("K=%d R=%d L=%d %s", k, r, length, engine).isDeepEqualTo(originals);
                }
            }
        }
    }

    @Test
    void rejectsBadShapesAndShards() {
        assertThatThrownBy(() -> RsParameters.of(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> RsParameters.of(40000, 40000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported");
        assertThatThrownBy(() -> ReedSolomon.encode(shards("010203"), 1)).hasMessageContaining("even");
        assertThatThrownBy(() -> ReedSolomon.encode(shards("0102", "010203", "0102"), 1)).hasMessageContaining("even");
        assertThatThrownBy(() -> ReedSolomon.encode(shards("0102", "01020304"), 1)).hasMessageContaining("differ");
        byte[][] tooFew = new byte[5][];
        tooFew[0] = new byte[2];
        tooFew[4] = new byte[2];
        assertThatThrownBy(() -> ReedSolomon.decode(3, tooFew)).hasMessageContaining("need at least 3");
    }

    private static int[] shuffled(Random random, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static byte[][] random(Random random, int k, int length) {
        byte[][] out = new byte[k][length];
        for (byte[] shard : out) {
            random.nextBytes(shard);
        }
        return out;
    }

    static byte[][] generate(int k, int length, IntBinaryOperator byteAt) {
        byte[][] out = new byte[k][length];
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < length; i++) {
                out[s][i] = (byte) byteAt.applyAsInt(s, i);
            }
        }
        return out;
    }

    private static byte[][] shards(String... hex) {
        byte[][] out = new byte[hex.length][];
        for (int i = 0; i < hex.length; i++) {
            out[i] = HEX.parseHex(hex[i]);
        }
        return out;
    }

    private static String[] hex(byte[][] shards) {
        String[] out = new String[shards.length];
        for (int i = 0; i < shards.length; i++) {
            out[i] = HEX.formatHex(shards[i]);
        }
        return out;
    }

    private static String sha256(byte[][] shards) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] s : shards) {
            all.write(s);
        }
        return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(all.toByteArray()));
    }
}
