package io.walrusj.core.recovery;

import io.walrusj.core.VerificationException;
import io.walrusj.core.VerificationException.Reason;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.merkle.MerkleProof;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;

/**
 * What a storage node serves on its recovery-symbol route (docs/spec/walrus-encoding.md 8, 9.2): a symbol of
 * the expanded source sliver, the index of the target sliver it helps recover (also its leaf
 * position in the source's tree), and the Merkle proof. {@code targetType} is the
 * {@code EitherDecodingSymbol} variant: the axis of the sliver being recovered.
 * BCS: EitherDecodingSymbol (variant, DecodingSymbol), target_index u16, MerkleProof.
 */
public record GeneralRecoverySymbol(SliverType targetType, DecodingSymbol symbol, int targetIndex, MerkleProof proof) {
    public GeneralRecoverySymbol {
        if (targetIndex < 0 || targetIndex > 0xFFFF) {
            throw new IllegalArgumentException("target index must fit in u16, got " + targetIndex);
        }
    }

    /** Matrix element (row, column) this symbol is. */
    public SymbolId symbolId() {
        return targetType == SliverType.PRIMARY ? new SymbolId(targetIndex, symbol.index())
                : new SymbolId(symbol.index(), targetIndex);
    }

    /**
     * {@code GeneralRecoverySymbol::verify}: the symbol is usable for recovering sliver
     * {@code requestedIndex} of axis {@code requestedType}, has the right size, and its proof leads
     * to the metadata hash of its source sliver.
     */
    public void verify(EncodingConfig config, BlobMetadata metadata, int requestedIndex, SliverType requestedType) {
        int n = metadata.nShards();
        if (symbol.index() >= n || targetIndex >= n) {
            throw new VerificationException(Reason.SYMBOL_INDEX_OUT_OF_RANGE,
                    "symbol " + symbol.index() + " / target " + targetIndex + " with " + n + " shards");
        }
        int symbolSize = metadata.symbolSize(config);
        if (symbol.data().length != symbolSize) {
            throw new VerificationException(Reason.WRONG_SYMBOL_SIZE,
                    "symbol has " + symbol.data().length + " bytes, expected " + symbolSize);
        }
        // Exactly walrus-core's rule: the symbol targets the requested sliver, or comes from it.
        boolean usable = (targetType.orthogonal() != requestedType && targetIndex == requestedIndex)
                || symbol.index() == requestedIndex;
        if (!usable) {
            throw new VerificationException(Reason.SYMBOL_NOT_USABLE,
                    "symbol " + symbolId() + " cannot help recover " + requestedType.text() + " sliver " + requestedIndex);
        }
        SliverType sourceType = targetType.orthogonal();
        proof.verify(metadata.sliverHash(sourceType, symbol.index()), symbol.data(), targetIndex, n);
    }

    /** The symbol with its proof, for a recovery of {@link #targetType()} sliver {@link #targetIndex()}. */
    public RecoverySymbol toRecoverySymbol() {
        return new RecoverySymbol(symbol, proof);
    }

    public void writeBcs(BcsWriter writer) {
        targetType.writeBcs(writer);
        symbol.writeBcs(writer);
        writer.u16(targetIndex);
        proof.writeBcs(writer);
    }

    public byte[] toBcs() {
        return BcsWriter.encode(this::writeBcs);
    }

    public static GeneralRecoverySymbol read(BcsReader reader) {
        SliverType type = SliverType.read(reader);
        DecodingSymbol symbol = DecodingSymbol.read(reader);
        return new GeneralRecoverySymbol(type, symbol, reader.u16(), MerkleProof.read(reader));
    }

    public static GeneralRecoverySymbol fromBcs(byte[] bytes) {
        return BcsReader.decode(bytes, GeneralRecoverySymbol::read);
    }
}
