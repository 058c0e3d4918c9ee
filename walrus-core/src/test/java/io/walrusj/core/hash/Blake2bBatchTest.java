package io.walrusj.core.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD batch hasher must equal the scalar one for every length and group size. */
class Blake2bBatchTest {
    private final Random random = new Random(5);

    @Test
    void usesTheVectorPathWhenTheModuleIsPresent() {
        // The build runs tests with --add-modules jdk.incubator.vector: the fast path must be live,
        // or the equality tests below would compare the scalar hasher with itself.
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector"))
                .as("the test JVM runs with --add-modules jdk.incubator.vector").isPresent();
        assertThat(Blake2bBatch.vectorized()).isTrue();
    }

    @Test
    void prefixedHashesEqualScalarForAllBlockShapes() {
        int[] lengths = {0, 1, 2, 3, 20, 126, 127, 128, 129, 200, 254, 255, 256, 257, 302, 1206, 2000};
        for (int len : lengths) {
            for (int count : new int[] {1, 3, 4, 7, 8, 9, 17, 33}) {
                byte[][] src = new byte[count][];
                int[] srcOff = new int[count];
                int[] outOff = new int[count];
                for (int i = 0; i < count; i++) {
                    srcOff[i] = random.nextInt(5);
                    src[i] = new byte[srcOff[i] + len + random.nextInt(3)];
                    random.nextBytes(src[i]);
                    outOff[i] = 32 * ((i * 5) % count) + 1; // scattered outputs
                }
                byte[] out = new byte[32 * count + 1];
                Blake2bBatch.prefixedHashes((byte) 0, src, srcOff, len, count, out, outOff);
                for (int i = 0; i < count; i++) {
                    byte[] expected = new byte[32];
                    Blake2b256.prefixedHash((byte) 0, src[i], srcOff[i], len, expected, 0);
                    assertThat(java.util.Arrays.copyOfRange(out, outOff[i], outOff[i] + 32))
                            .as("len %d count %d message %d", len, count, i).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void innerHashesEqualScalarAndMayWriteInPlace() {
        for (int pairs : new int[] {1, 2, 5, 8, 16, 23, 64}) {
            byte[] level = new byte[64 * pairs + 3];
            random.nextBytes(level);
            byte[] expected = new byte[32 * pairs];
            for (int i = 0; i < pairs; i++) {
                Blake2b256.innerHash(level, 3 + 64 * i, level, 3 + 64 * i + 32, expected, 32 * i);
            }
            byte[] separate = new byte[32 * pairs];
            Blake2bBatch.innerHashes(level, 3, pairs, separate, 0);
            assertThat(separate).isEqualTo(expected);
            Blake2bBatch.innerHashes(level, 3, pairs, level, 3);
            assertThat(java.util.Arrays.copyOfRange(level, 3, 3 + 32 * pairs)).isEqualTo(expected);
        }
    }
}
