package io.walrusj.core.recovery;

import io.walrusj.core.VerificationException;
import io.walrusj.core.VerificationException.Reason;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.merkle.MerkleProof;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverType;

/**
 * {@code RecoverySymbol<A, MerkleProof>}: a decoding symbol plus its Merkle proof against the hash
 * of the source sliver. The target axis A is known from context (an inconsistency proof's variant).
 * BCS: DecodingSymbol then MerkleProof.
 */
public record RecoverySymbol(DecodingSymbol symbol, MerkleProof proof) {

    /**
     * Verifies the symbol for recovering sliver {@code targetIndex} of axis {@code targetType}: the
     * source is sliver {@code symbol.index} of the orthogonal axis and the leaf position is the
     * target index.
     */
    public void verify(EncodingConfig config, BlobMetadata metadata, SliverType targetType, int targetIndex) {
        int n = metadata.nShards();
        if (symbol.index() >= n || targetIndex < 0 || targetIndex >= n) {
            throw new VerificationException(Reason.SYMBOL_INDEX_OUT_OF_RANGE,
                    "symbol " + symbol.index() + " for target " + targetIndex + " with " + n + " shards");
        }
        int symbolSize = metadata.symbolSize(config);
        if (symbol.data().length != symbolSize) {
            throw new VerificationException(Reason.WRONG_SYMBOL_SIZE,
                    "symbol has " + symbol.data().length + " bytes, expected " + symbolSize);
        }
        proof.verify(metadata.sliverHash(targetType.orthogonal(), symbol.index()), symbol.data(), targetIndex, n);
    }

    public void writeBcs(BcsWriter writer) {
        symbol.writeBcs(writer);
        proof.writeBcs(writer);
    }

    public static RecoverySymbol read(BcsReader reader) {
        return new RecoverySymbol(DecodingSymbol.read(reader), MerkleProof.read(reader));
    }
}
