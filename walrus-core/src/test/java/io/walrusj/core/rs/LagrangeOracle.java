package io.walrusj.core.rs;

/**
 * The slow, obviously-correct encoder: plain Lagrange interpolation through the originals and the
 * code's virtual zeros (docs/spec/reed-solomon-gf16.md 5.4). The FFT encoders must equal it byte for byte.
 */
final class LagrangeOracle {
    private LagrangeOracle() {}

    static byte[][] encode(byte[][] originals, int recoveryCount) {
        int k = originals.length;
        int length = originals[0].length;
        RsParameters params = RsParameters.of(k, recoveryCount);
        int[] nodes;
        int[][] values;
        int[] targets = new int[recoveryCount];
        if (params.highRate()) {
            int m = params.chunk();
            int n = AdditiveFft.ceilPow2(m + k);
            nodes = new int[n - m];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = m + i;
            }
            for (int i = 0; i < recoveryCount; i++) {
                targets[i] = i;
            }
        } else {
            int k2 = params.chunk();
            nodes = new int[k2];
            for (int i = 0; i < k2; i++) {
                nodes[i] = i;
            }
            for (int i = 0; i < recoveryCount; i++) {
                targets[i] = k2 + i;
            }
        }
        values = new int[nodes.length][];
        for (int j = 0; j < nodes.length; j++) {
            values[j] = j < k ? elements(originals[j]) : new int[length / 2];
        }
        byte[][] recovery = new byte[recoveryCount][];
        for (int t = 0; t < recoveryCount; t++) {
            int[] out = new int[length / 2];
            for (int j = 0; j < k; j++) { // zero-valued nodes contribute nothing to the sum
                int basis = 1;
                for (int l = 0; l < nodes.length; l++) {
                    if (l != j) {
                        basis = Gf16.mul(basis, Gf16.mul(targets[t] ^ nodes[l], inverse(nodes[j] ^ nodes[l])));
                    }
                }
                for (int e = 0; e < out.length; e++) {
                    out[e] ^= Gf16.mul(values[j][e], basis);
                }
            }
            recovery[t] = bytes(out);
        }
        return recovery;
    }

    private static int inverse(int a) {
        return Gf16.exp((Gf16.MODULUS - Gf16.log(a)) % Gf16.MODULUS);
    }

    /** Element values of a shard via the crate's byte layout. */
    static int[] elements(byte[] shard) {
        int[] out = new int[shard.length / 2];
        byte[] work = new byte[ShardLayout.workBytes(out.length)];
        ShardLayout.toWork(shard, 0, shard.length, work, 0, 0);
        for (int e = 0; e < out.length; e++) {
            int w = (e >>> 5) * 64 + (e & 31);
            out[e] = (work[w] & 0xFF) | (work[w + 32] & 0xFF) << 8;
        }
        return out;
    }

    static byte[] bytes(int[] elements) {
        byte[] work = new byte[ShardLayout.workBytes(elements.length)];
        for (int e = 0; e < elements.length; e++) {
            int w = (e >>> 5) * 64 + (e & 31);
            work[w] = (byte) elements[e];
            work[w + 32] = (byte) (elements[e] >>> 8);
        }
        byte[] out = new byte[elements.length * 2];
        ShardLayout.fromWork(work, 0, 0, out, 0, out.length);
        return out;
    }
}
