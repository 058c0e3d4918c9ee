package io.walrusj.core.recovery;

import io.walrusj.core.VerificationException;
import io.walrusj.core.VerificationException.Reason;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.List;

/**
 * Proof that a blob was encoded inconsistently (docs/spec/walrus-encoding.md 10-10.1): exactly the number of
 * verified recovery symbols needed to decode sliver {@code targetSliverIndex} of axis
 * {@code targetType}, whose decoding does not match the metadata. BCS: enum (0 primary, 1 secondary)
 * of {@code {target_sliver_index: u16, recovery_symbols: Vec<RecoverySymbol>}}.
 */
public record InconsistencyProof(SliverType targetType, int targetSliverIndex, List<RecoverySymbol> recoverySymbols) {
    public InconsistencyProof {
        recoverySymbols = List.copyOf(recoverySymbols);
    }

    /**
     * Accepts the proof only if every symbol verifies and the decoded sliver's root differs from
     * the metadata.
     *
     * @throws VerificationException WRONG_SYMBOL_COUNT, a symbol's failure, or SLIVER_NOT_INCONSISTENT
     *     when the decoded sliver matches the metadata
     */
    public void verify(EncodingConfig config, BlobMetadata metadata) {
        int needed = config.symbolsForRecovery(targetType);
        if (recoverySymbols.size() != needed) {
            throw new VerificationException(Reason.WRONG_SYMBOL_COUNT,
                    "an inconsistency proof for a " + targetType.text() + " sliver has exactly " + needed
                            + " symbols, got " + recoverySymbols.size());
        }
        for (RecoverySymbol symbol : recoverySymbols) {
            symbol.verify(config, metadata, targetType, targetSliverIndex);
        }
        List<DecodingSymbol> symbols = recoverySymbols.stream().map(RecoverySymbol::symbol).toList();
        SliverData decoded = SliverRecovery.decodeSliver(config, metadata, targetType, targetSliverIndex, symbols);
        try {
            decoded.verify(config, metadata);
        } catch (VerificationException e) {
            if (e.reason() == Reason.MERKLE_ROOT_MISMATCH) {
                return;
            }
            throw e;
        }
        throw new VerificationException(Reason.SLIVER_NOT_INCONSISTENT,
                targetType.text() + " sliver " + targetSliverIndex + " decodes consistently with the metadata");
    }

    public void writeBcs(BcsWriter writer) {
        targetType.writeBcs(writer);
        writer.u16(targetSliverIndex);
        writer.sequence(recoverySymbols, (w, s) -> s.writeBcs(w));
    }

    public byte[] toBcs() {
        return BcsWriter.encode(this::writeBcs);
    }

    public static InconsistencyProof read(BcsReader reader) {
        SliverType type = SliverType.read(reader);
        int target = reader.u16();
        return new InconsistencyProof(type, target, reader.sequence(RecoverySymbol::read));
    }

    public static InconsistencyProof fromBcs(byte[] bytes) {
        return BcsReader.decode(bytes, InconsistencyProof::read);
    }
}
