package io.walrusj.core.merkle;

import io.walrusj.core.VerificationException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.hash.Blake2b256;
import java.util.List;

/** A Merkle inclusion proof: sibling nodes from the leaf level upwards. BCS: {@code Vec<Node>}. */
public record MerkleProof(List<Node> path) {
    public MerkleProof {
        path = List.copyOf(path);
    }

    /** Depth of a tree with {@code leafCount} leaves: 0 for at most one leaf, else floor(log2(N-1)) + 1. */
    public static int pathLength(int leafCount) {
        return leafCount <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(leafCount - 1);
    }

    /**
     * Checks that {@code leafData} is leaf {@code index} of a tree with {@code leafCount} leaves and
     * root {@code root}, exactly as walrus-core's {@code MerkleProof::verify_proof}.
     *
     * @throws VerificationException (INVALID_MERKLE_PROOF) with the reason
     */
    public void verify(Node root, byte[] leafData, int index, int leafCount) {
        if (path.size() > pathLength(leafCount)) {
            throw new VerificationException(VerificationException.Reason.INVALID_MERKLE_PROOF,
                    "proof has " + path.size() + " nodes, a tree of " + leafCount + " leaves has depth " + pathLength(leafCount));
        }
        if (index < 0 || (path.size() < 32 && (index >>> path.size()) != 0)) {
            throw new VerificationException(VerificationException.Reason.INVALID_MERKLE_PROOF,
                    "leaf index " + index + " does not fit a proof of length " + path.size());
        }
        byte[] current = MerkleTree.leafHash(leafData);
        int i = index;
        for (Node sibling : path) {
            byte[] s = sibling.bytes();
            if ((i & 1) == 0) {
                Blake2b256.innerHash(current, 0, s, 0, current, 0);
            } else {
                Blake2b256.innerHash(s, 0, current, 0, current, 0);
            }
            i >>>= 1;
        }
        if (!(root instanceof Node.Digest d) || !d.matches(current, 0)) {
            throw new VerificationException(VerificationException.Reason.INVALID_MERKLE_PROOF,
                    "leaf " + index + " does not lead to root " + root);
        }
    }

    public void writeBcs(BcsWriter writer) {
        writer.sequence(path, (w, node) -> node.writeBcs(w));
    }

    public static MerkleProof read(BcsReader reader) {
        return new MerkleProof(reader.sequence(Node::read));
    }
}
