package io.walrusj.core.recovery;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.merkle.MerkleTree;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SymbolId;
import java.util.Arrays;

/**
 * Serves recovery and decoding symbols from one stored sliver: expands it once (the orthogonal
 * encoding) and keeps its Merkle tree, so a node answering many requests for the same sliver pays
 * for the expansion once. Immutable after construction; safe to share.
 */
public final class SliverSymbolSource {
    private final SliverData sliver;
    private final byte[] expanded;
    private final MerkleTree tree;

    public SliverSymbolSource(EncodingConfig config, SliverData sliver) {
        this.sliver = sliver;
        this.expanded = new SliverExpander(config, sliver.symbolSize()).expand(sliver);
        this.tree = MerkleTree.build(expanded, 0, sliver.symbolSize(), config.nShards());
    }

    public SliverData sliver() {
        return sliver;
    }

    /** The symbol at {@code targetIndex} of the expanded sliver, with its proof, to help recover that target sliver. */
    public GeneralRecoverySymbol recoverySymbol(int targetIndex) {
        return new GeneralRecoverySymbol(sliver.type().orthogonal(), decodingSymbol(targetIndex), targetIndex, tree.proof(targetIndex));
    }

    /** The same symbol without a proof. */
    public DecodingSymbol decodingSymbol(int targetIndex) {
        if (targetIndex < 0 || targetIndex >= tree.leafCount()) {
            throw new IndexOutOfBoundsException("target sliver " + targetIndex + " with " + tree.leafCount() + " shards");
        }
        int size = sliver.symbolSize();
        return new DecodingSymbol(sliver.index(), Arrays.copyOfRange(expanded, targetIndex * size, (targetIndex + 1) * size));
    }

    /** Matrix position of the symbol served for {@code targetIndex}. */
    public SymbolId symbolId(int targetIndex) {
        return recoverySymbol(targetIndex).symbolId();
    }
}
