package io.walrusj.core.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

class Blake2b256Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_SMALL = 600;
    private static final int[] BIG = {1000, 4096, 100_000, 1 << 20, 1_000_003};

    /** BouncyCastle BLAKE2b with a 32-byte digest (parameter block digest length 32). */
    private static byte[] oracle(byte[]... parts) {
        Blake2bDigest d = new Blake2bDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static byte[] random(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private static int[] lengths() {
        int[] l = new int[MAX_SMALL + 1 + BIG.length];
        for (int i = 0; i <= MAX_SMALL; i++) {
            l[i] = i;
        }
        System.arraycopy(BIG, 0, l, MAX_SMALL + 1, BIG.length);
        return l;
    }

    @Test
    void knownAnswers() {
        assertThat(HEX.formatHex(Blake2b256.hash(new byte[0])))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(HEX.formatHex(Blake2b256.hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
        assertThat(HEX.formatHex(Blake2b256.newHasher().digest()))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(Blake2b256.DIGEST_LENGTH).isEqualTo(32);
    }

    @Test
    void hashMatchesBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int len : lengths()) {
            byte[] msg = random(rnd, len);
            byte[] want = oracle(msg);
            assertThat(Blake2b256.hash(msg)).as("len %d", len).isEqualTo(want);
            // Slices at various offsets, with and without slack after the slice, and with the
            // digest written into the middle of a bigger array.
            for (int off : new int[] {0, 1, 7, 8, 13}) {
                for (int slack : new int[] {0, 3, 9}) {
                    byte[] buf = random(rnd, off + len + slack);
                    System.arraycopy(msg, 0, buf, off, len);
                    assertThat(Blake2b256.hash(buf, off, len)).as("len %d off %d", len, off)
                            .isEqualTo(want);
                    byte[] out = random(rnd, 45);
                    byte[] before = out.clone();
                    Blake2b256.hash(buf, off, len, out, 5);
                    assertThat(Arrays.copyOfRange(out, 5, 37)).isEqualTo(want);
                    assertThat(Arrays.copyOfRange(out, 0, 5)).isEqualTo(Arrays.copyOf(before, 5));
                    assertThat(Arrays.copyOfRange(out, 37, 45))
                            .isEqualTo(Arrays.copyOfRange(before, 37, 45));
                }
                if (len > 2000) {
                    break;
                }
            }
        }
    }

    @Test
    void prefixedHashMatchesBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int len : lengths()) {
            byte[] msg = random(rnd, len);
            for (byte prefix : new byte[] {0, 1, (byte) 0x80, (byte) 0xFF}) {
                byte[] want = oracle(new byte[] {prefix}, msg);
                for (int off : new int[] {0, 1, 5, 8, 11}) {
                    for (int slack : new int[] {0, 1, 8}) {
                        byte[] buf = random(rnd, off + len + slack);
                        System.arraycopy(msg, 0, buf, off, len);
                        byte[] out = new byte[40];
                        Blake2b256.prefixedHash(prefix, buf, off, len, out, 3);
                        assertThat(Arrays.copyOfRange(out, 3, 35))
                                .as("prefix %d len %d off %d slack %d", prefix, len, off, slack)
                                .isEqualTo(want);
                    }
                    if (len > 2000) {
                        break;
                    }
                }
            }
        }
    }

    @Test
    void innerHashMatchesBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 2000; i++) {
            int lo = rnd.nextInt(0, 10);
            int ro = rnd.nextInt(0, 10);
            byte[] left = random(rnd, lo + 32 + rnd.nextInt(0, 3));
            byte[] right = random(rnd, ro + 32 + rnd.nextInt(0, 3));
            byte[] want = oracle(new byte[] {1}, Arrays.copyOfRange(left, lo, lo + 32),
                    Arrays.copyOfRange(right, ro, ro + 32));
            byte[] out = new byte[33];
            Blake2b256.innerHash(left, lo, right, ro, out, 1);
            assertThat(Arrays.copyOfRange(out, 1, 33)).isEqualTo(want);
        }
        // Output aliasing an input (a Merkle level computed in place).
        byte[] level = random(rnd, 64);
        byte[] want = oracle(new byte[] {1}, level);
        Blake2b256.innerHash(level, 0, level, 32, level, 0);
        assertThat(Arrays.copyOf(level, 32)).isEqualTo(want);
    }

    @Test
    void innerHashEqualsPrefixedHashOfConcatenation() {
        SplittableRandom rnd = new SplittableRandom(4);
        byte[] node = random(rnd, 64);
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        Blake2b256.innerHash(node, 0, node, 32, a, 0);
        Blake2b256.prefixedHash((byte) 1, node, 0, 64, b, 0);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void hasherMatchesBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(5);
        Blake2b256.Hasher hasher = Blake2b256.newHasher();
        for (int len : lengths()) {
            byte[] msg = random(rnd, len);
            byte[] want = oracle(msg);
            for (int trial = 0; trial < 3; trial++) {
                int pos = 0;
                while (pos < len) {
                    int n;
                    switch (rnd.nextInt(4)) {
                        case 0 -> {
                            hasher.update(msg[pos]);
                            n = 1;
                        }
                        case 1 -> {
                            n = Math.min(len - pos, rnd.nextInt(0, 300));
                            // Feed from inside a bigger array to exercise the offset.
                            byte[] piece = new byte[n + 4];
                            System.arraycopy(msg, pos, piece, 2, n);
                            hasher.update(piece, 2, n);
                        }
                        case 2 -> {
                            n = Math.min(len - pos, 128 * rnd.nextInt(0, 4));
                            hasher.update(msg, pos, n);
                        }
                        default -> {
                            n = Math.min(len - pos, rnd.nextInt(0, 20_000));
                            hasher.update(msg, pos, n);
                        }
                    }
                    pos += n;
                }
                assertThat(hasher.digest()).as("len %d", len).isEqualTo(want);
                if (len > 2000) {
                    break;
                }
            }
            // digest() resets: reuse once more in one piece, through digest(out, off).
            hasher.update(msg);
            byte[] out = new byte[34];
            hasher.digest(out, 2);
            assertThat(Arrays.copyOfRange(out, 2, 34)).isEqualTo(want);
        }
    }

    @Test
    void hasherResetDiscardsInput() {
        byte[] msg = "abc".getBytes(StandardCharsets.US_ASCII);
        Blake2b256.Hasher hasher = Blake2b256.newHasher();
        hasher.update(new byte[1000], 0, 1000).reset();
        hasher.update(msg);
        assertThat(hasher.digest()).isEqualTo(Blake2b256.hash(msg));
    }

    @Test
    void concurrentMultiBlockHashesDoNotInterfere() throws Exception {
        // Multi-block one-shot hashes keep their chaining value in per-thread scratch.
        SplittableRandom rnd = new SplittableRandom(6);
        int count = 64;
        byte[][] msgs = new byte[count][];
        byte[][] want = new byte[count][];
        for (int i = 0; i < count; i++) {
            msgs[i] = random(rnd, rnd.nextInt(129, 5000));
            want[i] = oracle(new byte[] {0}, msgs[i]);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                futures.add(pool.submit(() -> {
                    byte[] out = new byte[32];
                    for (int round = 0; round < 200; round++) {
                        int i = (round * 7 + seed) % count;
                        Blake2b256.prefixedHash((byte) 0, msgs[i], 0, msgs[i].length, out, 0);
                        if (!Arrays.equals(out, want[i])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var f : futures) {
                assertThat(f.get()).isTrue();
            }
        }
    }

    @Test
    void rejectsBadRanges() {
        byte[] data = new byte[10];
        byte[] out = new byte[32];
        assertThatThrownBy(() -> Blake2b256.hash(data, 5, 6))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Blake2b256.hash(data, 0, 10, new byte[31], 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Blake2b256.prefixedHash((byte) 0, data, -1, 2, out, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Blake2b256.innerHash(new byte[40], 9, new byte[32], 0, out, 0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Blake2b256.newHasher().update(data, 8, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }
}
