package io.walrusj.core.metadata;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.merkle.Node;

/** Hashes of one sliver pair: primary sliver k and secondary sliver n-1-k (Merkle roots of the expanded slivers). */
public record SliverPairMetadata(Node primaryHash, Node secondaryHash) {

    public void writeBcs(BcsWriter writer) {
        primaryHash.writeBcs(writer);
        secondaryHash.writeBcs(writer);
    }

    public static SliverPairMetadata read(BcsReader reader) {
        return new SliverPairMetadata(Node.read(reader), Node.read(reader));
    }

    /** The 64-byte leaf of the blob's root-hash tree. */
    byte[] leafBytes() {
        byte[] leaf = new byte[2 * Node.DIGEST_LENGTH];
        System.arraycopy(primaryHash.bytes(), 0, leaf, 0, Node.DIGEST_LENGTH);
        System.arraycopy(secondaryHash.bytes(), 0, leaf, Node.DIGEST_LENGTH, Node.DIGEST_LENGTH);
        return leaf;
    }
}
