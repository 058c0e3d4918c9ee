package io.walrusj.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.VerificationException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.hash.Blake2b256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    private static byte[] leaves(int count, int size) {
        byte[] data = new byte[count * size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + 7);
        }
        return data;
    }

    @Test
    void emptyAndSingleLeafTrees() {
        assertThat(MerkleTree.build(new byte[0], 0, 4, 0).root()).isSameAs(Node.Empty.INSTANCE);
        byte[] leaf = {1, 2, 3, 4};
        assertThat(MerkleTree.build(leaf, 0, 4, 1).root()).isEqualTo(new Node.Digest(MerkleTree.leafHash(leaf)));
    }

    @Test
    void oddLevelsGetOneEmptySibling() {
        // Three leaves: root = H(1 || H(1 || l0 || l1) || H(1 || l2 || 0^32)), not padded to four leaves.
        byte[] data = leaves(3, 2);
        byte[][] l = new byte[3][];
        for (int i = 0; i < 3; i++) {
            l[i] = MerkleTree.leafHash(java.util.Arrays.copyOfRange(data, 2 * i, 2 * i + 2));
        }
        byte[] left = inner(l[0], l[1]);
        byte[] right = inner(l[2], new byte[32]);
        assertThat(MerkleTree.build(data, 0, 2, 3).root()).isEqualTo(new Node.Digest(inner(left, right)));
        byte[] scratch = new byte[3 * 32];
        byte[] hashes = new byte[3 * 32];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(l[i], 0, hashes, 32 * i, 32);
        }
        assertThat(MerkleTree.rootOfLeafHashes(hashes, 0, 32, 3, scratch)).isEqualTo(inner(left, right));
    }

    @Test
    void everyProofOfEveryTreeSizeVerifiesAndOnlyForItsLeaf() {
        for (int count = 1; count <= 33; count++) {
            byte[] data = leaves(count, 6);
            MerkleTree tree = MerkleTree.build(data, 0, 6, count);
            for (int i = 0; i < count; i++) {
                byte[] leaf = java.util.Arrays.copyOfRange(data, 6 * i, 6 * i + 6);
                MerkleProof proof = tree.proof(i);
                assertThat(proof.path()).hasSize(MerkleProof.pathLength(count));
                proof.verify(tree.root(), leaf, i, count);
                int leafCount = count;
                if (count > 1) {
                    int other = (i + 1) % count;
                    assertThatThrownBy(() -> proof.verify(tree.root(), leaf, other, leafCount))
                            .isInstanceOf(VerificationException.class).hasMessageContaining("INVALID_MERKLE_PROOF");
                }
                byte[] tampered = leaf.clone();
                tampered[0] ^= 1;
                int index = i;
                assertThatThrownBy(() -> proof.verify(tree.root(), tampered, index, leafCount))
                        .isInstanceOf(VerificationException.class);
            }
        }
    }

    @Test
    void rejectsTooLongProofsAndIndicesBeyondThePath() {
        byte[] data = leaves(5, 4);
        MerkleTree tree = MerkleTree.build(data, 0, 4, 5);
        byte[] leaf = java.util.Arrays.copyOfRange(data, 0, 4);
        List<Node> longer = new ArrayList<>(tree.proof(0).path());
        longer.add(Node.Empty.INSTANCE);
        assertThatThrownBy(() -> new MerkleProof(longer).verify(tree.root(), leaf, 0, 5)).hasMessageContaining("depth");
        assertThatThrownBy(() -> tree.proof(0).verify(tree.root(), leaf, 8, 5)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> tree.proof(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tree.proof(0).verify(Node.Empty.INSTANCE, leaf, 0, 5)).isInstanceOf(VerificationException.class);
    }

    @Test
    void proofBcsRoundTripWithEmptySiblings() {
        MerkleTree tree = MerkleTree.build(leaves(5, 4), 0, 4, 5);
        MerkleProof proof = tree.proof(4); // siblings: Empty, Empty, digest
        assertThat(proof.path().get(0)).isSameAs(Node.Empty.INSTANCE);
        byte[] bcs = BcsWriter.encode(proof::writeBcs);
        assertThat(bcs[0]).isEqualTo((byte) 3);
        assertThat(bcs[1]).isEqualTo((byte) 0);
        assertThat(bcs).hasSize(1 + 1 + 1 + 33);
        assertThat(BcsReader.decode(bcs, MerkleProof::read)).isEqualTo(proof);
    }

    private static byte[] inner(byte[] left, byte[] right) {
        byte[] out = new byte[32];
        Blake2b256.innerHash(left, 0, right, 0, out, 0);
        byte[] manual = new byte[65];
        manual[0] = 1;
        System.arraycopy(left, 0, manual, 1, 32);
        System.arraycopy(right, 0, manual, 33, 32);
        assertThat(out).isEqualTo(Blake2b256.hash(manual));
        return out;
    }
}
