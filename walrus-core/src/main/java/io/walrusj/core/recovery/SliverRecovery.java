package io.walrusj.core.recovery;

import io.walrusj.core.VerificationException;
import io.walrusj.core.VerificationException.Reason;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.EncodingException;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.rs.ReedSolomonDecoder;
import io.walrusj.core.rs.RsParameters;
import io.walrusj.core.rs.ShardEngine;
import io.walrusj.core.rs.ShardLayout;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Rebuilds a lost sliver from symbols of orthogonal slivers (docs/spec/walrus-encoding.md section 10): a
 * primary sliver i (row i) from s symbols (i, j) of distinct columns j, decoded with the secondary
 * code; a secondary sliver j from p symbols (i, j) of distinct rows i, decoded with the primary code.
 */
public final class SliverRecovery {
    private SliverRecovery() {}

    /**
     * Verifies each symbol (unusable or unverifiable ones are dropped), decodes the target from the
     * first {@code symbolsForRecovery} distinct verified ones, and checks the result against the
     * metadata. A Merkle-root mismatch yields an inconsistency proof built from exactly the symbols used.
     *
     * @throws EncodingException NOT_ENOUGH_SLIVERS if too few verified symbols remain
     */
    public static RecoveryOutcome recover(EncodingConfig config, BlobMetadata metadata, SliverType targetType,
            int targetIndex, List<GeneralRecoverySymbol> symbols) {
        int needed = config.symbolsForRecovery(targetType);
        List<RecoverySymbol> used = new ArrayList<>(needed);
        BitSet seen = new BitSet();
        for (GeneralRecoverySymbol symbol : symbols) {
            if (used.size() == needed) {
                break;
            }
            if (symbol.targetType() != targetType || symbol.targetIndex() != targetIndex || seen.get(symbol.symbol().index())) {
                continue;
            }
            try {
                symbol.verify(config, metadata, targetIndex, targetType);
            } catch (VerificationException e) {
                continue;
            }
            seen.set(symbol.symbol().index());
            used.add(symbol.toRecoverySymbol());
        }
        if (used.size() < needed) {
            throw new EncodingException(EncodingException.Reason.NOT_ENOUGH_SLIVERS, "recovering " + targetType.text()
                    + " sliver " + targetIndex + " needs " + needed + " verified symbols, got " + used.size());
        }
        SliverData sliver = decodeSliver(config, metadata, targetType, targetIndex,
                used.stream().map(RecoverySymbol::symbol).toList());
        try {
            sliver.verify(config, metadata);
            return new RecoveryOutcome.Recovered(sliver);
        } catch (VerificationException e) {
            if (e.reason() != Reason.MERKLE_ROOT_MISMATCH) {
                throw e;
            }
            return new RecoveryOutcome.Inconsistent(new InconsistencyProof(targetType, targetIndex, used));
        }
    }

    /**
     * Decodes sliver {@code targetIndex} of {@code targetType} from decoding symbols whose indices are
     * their codeword positions, without verifying the result (callers verify against metadata).
     * Symbols of the wrong size and duplicate indices are skipped.
     */
    public static SliverData decodeSliver(EncodingConfig config, BlobMetadata metadata, SliverType targetType,
            int targetIndex, List<DecodingSymbol> symbols) {
        int symbolSize = metadata.symbolSize(config);
        RsParameters code = config.expansionCode(targetType);
        int k = code.originalCount();
        int n = config.nShards();
        byte[][] codeword = new byte[n][];
        BitSet present = new BitSet(n);
        for (DecodingSymbol symbol : symbols) {
            if (symbol.index() < n && symbol.data().length == symbolSize && !present.get(symbol.index())) {
                present.set(symbol.index());
                codeword[symbol.index()] = symbol.data();
            }
        }
        if (present.cardinality() < k) {
            throw new EncodingException(EncodingException.Reason.NOT_ENOUGH_SLIVERS,
                    "decoding a " + targetType.text() + " sliver needs " + k + " distinct symbols, got " + present.cardinality());
        }
        byte[] data = new byte[k * symbolSize];
        if (present.nextClearBit(0) >= k) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(codeword[i], 0, data, i * symbolSize, symbolSize);
            }
            return new SliverData(targetType, targetIndex, symbolSize, data);
        }
        ReedSolomonDecoder decoder = new ReedSolomonDecoder(code, symbolSize / 2, ShardEngine.best());
        decoder.prepare(present);
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            ShardLayout.toWork(codeword[i], 0, symbolSize, decoder.work(), decoder.inputOffset(i), 0);
        }
        decoder.decode();
        for (int i = 0; i < k; i++) {
            if (codeword[i] != null) {
                System.arraycopy(codeword[i], 0, data, i * symbolSize, symbolSize);
            } else {
                ShardLayout.fromWork(decoder.work(), decoder.inputOffset(i), 0, data, i * symbolSize, symbolSize);
            }
        }
        return new SliverData(targetType, targetIndex, symbolSize, data);
    }
}
