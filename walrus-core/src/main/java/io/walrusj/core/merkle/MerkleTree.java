package io.walrusj.core.merkle;

import io.walrusj.core.hash.Blake2b256;
import io.walrusj.core.hash.Blake2bBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Walrus's Blake2b-256 Merkle tree (docs/spec/walrus-encoding.md section 6): leaf hash {@code H(0x00 || data)},
 * inner node {@code H(0x01 || left || right)}; a level with an odd number of nodes gets one Empty
 * (all-zero) sibling; the root of an empty tree is Empty.
 *
 * <p>The static root functions are the hot path of the encoder (2n trees per blob): they work on
 * contiguous leaf hashes in a caller-owned scratch buffer and allocate only the result. An instance
 * keeps every level, for proofs.
 */
public final class MerkleTree {
    private static final byte LEAF_PREFIX = 0x00;
    private static final int H = Node.DIGEST_LENGTH;

    /** levels.get(0) = leaf hashes, last = root level (one node). Each level: count * 32 bytes. */
    private final List<byte[]> levels;
    private final int leafCount;

    private MerkleTree(List<byte[]> levels, int leafCount) {
        this.levels = levels;
        this.leafCount = leafCount;
    }

    /** Builds a tree over {@code leafCount} leaves of {@code leafSize} bytes stored contiguously. */
    public static MerkleTree build(byte[] leaves, int offset, int leafSize, int leafCount) {
        byte[] hashes = new byte[leafCount * H];
        byte[][] sources = new byte[leafCount][];
        int[] sourceOffsets = new int[leafCount];
        int[] hashOffsets = new int[leafCount];
        for (int i = 0; i < leafCount; i++) {
            sources[i] = leaves;
            sourceOffsets[i] = offset + i * leafSize;
            hashOffsets[i] = i * H;
        }
        Blake2bBatch.prefixedHashes(LEAF_PREFIX, sources, sourceOffsets, leafSize, leafCount, hashes, hashOffsets);
        return fromLeafHashes(hashes, leafCount);
    }

    /** Builds a tree over precomputed leaf hashes (count * 32 bytes). */
    public static MerkleTree fromLeafHashes(byte[] leafHashes, int leafCount) {
        List<byte[]> levels = new ArrayList<>();
        byte[] level = java.util.Arrays.copyOf(leafHashes, leafCount * H);
        levels.add(level);
        int count = leafCount;
        while (count > 1) {
            int next = (count + 1) / 2;
            byte[] parent = new byte[next * H];
            hashLevel(level, count, parent);
            levels.add(parent);
            level = parent;
            count = next;
        }
        return new MerkleTree(levels, leafCount);
    }

    public int leafCount() {
        return leafCount;
    }

    public Node root() {
        if (leafCount == 0) {
            return Node.Empty.INSTANCE;
        }
        return new Node.Digest(levels.getLast());
    }

    /** The sibling path of leaf {@code index}, from the leaf level upwards. */
    public MerkleProof proof(int index) {
        if (index < 0 || index >= leafCount) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree with " + leafCount + " leaves");
        }
        List<Node> path = new ArrayList<>();
        int count = leafCount;
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            int sibling = i ^ 1;
            if (sibling < count) {
                path.add(new Node.Digest(java.util.Arrays.copyOfRange(levels.get(l), sibling * H, sibling * H + H)));
            } else {
                path.add(Node.Empty.INSTANCE);
            }
            i >>= 1;
            count = (count + 1) / 2;
        }
        return new MerkleProof(path);
    }

    public static void leafHash(byte[] data, int off, int len, byte[] out, int outOff) {
        Blake2b256.prefixedHash(LEAF_PREFIX, data, off, len, out, outOff);
    }

    public static byte[] leafHash(byte[] data) {
        byte[] out = new byte[H];
        leafHash(data, 0, data.length, out, 0);
        return out;
    }

    /**
     * Root over {@code count} leaf hashes read from {@code hashes} at {@code offset + i * stride}.
     * {@code scratch} must hold {@code count * 32} bytes and is overwritten. Returns the 32 root bytes
     * (all zero for an empty tree, which is how Empty contributes to a parent hash).
     */
    public static byte[] rootOfLeafHashes(byte[] hashes, int offset, int stride, int count, byte[] scratch) {
        if (count == 0) {
            return new byte[H];
        }
        for (int i = 0; i < count; i++) {
            System.arraycopy(hashes, offset + i * stride, scratch, i * H, H);
        }
        while (count > 1) {
            hashLevel(scratch, count, scratch);
            count = (count + 1) / 2;
        }
        return java.util.Arrays.copyOf(scratch, H);
    }

    /** Hashes one level into its parent level; parent may alias level (node i is written after 2i, 2i+1 are read). */
    private static void hashLevel(byte[] level, int count, byte[] parent) {
        int pairs = count / 2;
        Blake2bBatch.innerHashes(level, 0, pairs, parent, 0);
        if ((count & 1) != 0) {
            Blake2b256.innerHash(level, (count - 1) * H, EMPTY_BYTES, 0, parent, pairs * H);
        }
    }

    private static final byte[] EMPTY_BYTES = new byte[H];
}
