package io.walrusj.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.VerificationException;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.EncodingException;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.EncodingType;
import io.walrusj.core.metadata.SliverPairMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SliverRecoveryTest {
    private final Random random = new Random(99);

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {4, 7, 10, 13})
    void everySliverOfBothKindsIsRebuiltFromRecoverySymbols(int n) {
        EncodingConfig config = new EncodingConfig(n);
        EncodedBlob encoded = new BlobEncoder(config).encode(bytes(777));
        BlobMetadata metadata = encoded.metadata().metadata();
        List<SliverSymbolSource> primarySources = sources(config, encoded.primarySlivers());
        List<SliverSymbolSource> secondarySources = sources(config, encoded.secondarySlivers());
        for (int target = 0; target < n; target++) {
            // A primary sliver is rebuilt from symbols of secondary slivers, and vice versa; the
            // sources are shuffled so that any s (resp. p) of them must do.
            assertRecovered(config, metadata, SliverType.PRIMARY, target, secondarySources, encoded.primarySlivers().get(target));
            assertRecovered(config, metadata, SliverType.SECONDARY, target, primarySources, encoded.secondarySlivers().get(target));
        }
    }

    private void assertRecovered(EncodingConfig config, BlobMetadata metadata, SliverType type, int target,
            List<SliverSymbolSource> sources, SliverData expected) {
        List<GeneralRecoverySymbol> symbols = new ArrayList<>();
        for (SliverSymbolSource source : sources) {
            GeneralRecoverySymbol symbol = source.recoverySymbol(target);
            symbol.verify(config, metadata, target, type);
            symbols.add(GeneralRecoverySymbol.fromBcs(symbol.toBcs()));
        }
        Collections.shuffle(symbols, random);
        RecoveryOutcome outcome = SliverRecovery.recover(config, metadata, type, target, symbols);
        assertThat(outcome).isInstanceOf(RecoveryOutcome.Recovered.class);
        assertThat(((RecoveryOutcome.Recovered) outcome).sliver()).isEqualTo(expected);
    }

    @Test
    void symbolIdsAndUsability() {
        EncodingConfig config = new EncodingConfig(7);
        EncodedBlob encoded = new BlobEncoder(config).encode(bytes(100));
        BlobMetadata metadata = encoded.metadata().metadata();
        SliverSymbolSource column2 = new SliverSymbolSource(config, encoded.secondarySlivers().get(2));
        GeneralRecoverySymbol symbol = column2.recoverySymbol(5);
        assertThat(symbol.targetType()).isEqualTo(SliverType.PRIMARY);
        assertThat(symbol.symbolId()).isEqualTo(new SymbolId(5, 2));
        assertThatThrownBy(() -> symbol.verify(config, metadata, 4, SliverType.PRIMARY))
                .isInstanceOf(VerificationException.class).hasMessageContaining("SYMBOL_NOT_USABLE");
        GeneralRecoverySymbol wrongData = new GeneralRecoverySymbol(SliverType.PRIMARY,
                new DecodingSymbol(2, new byte[symbol.symbol().data().length]), 5, symbol.proof());
        assertThatThrownBy(() -> wrongData.verify(config, metadata, 5, SliverType.PRIMARY))
                .hasMessageContaining("INVALID_MERKLE_PROOF");
        GeneralRecoverySymbol wrongSize = new GeneralRecoverySymbol(SliverType.PRIMARY,
                new DecodingSymbol(2, new byte[3]), 5, symbol.proof());
        assertThatThrownBy(() -> wrongSize.verify(config, metadata, 5, SliverType.PRIMARY)).hasMessageContaining("WRONG_SYMBOL_SIZE");
        GeneralRecoverySymbol outOfRange = new GeneralRecoverySymbol(SliverType.PRIMARY, new DecodingSymbol(7, new byte[2]), 5, symbol.proof());
        assertThatThrownBy(() -> outOfRange.verify(config, metadata, 5, SliverType.PRIMARY)).hasMessageContaining("SYMBOL_INDEX_OUT_OF_RANGE");
    }

    @Test
    void tooFewValidSymbolsIsAnErrorNotAWrongSliver() {
        EncodingConfig config = new EncodingConfig(10);
        EncodedBlob encoded = new BlobEncoder(config).encode(bytes(500));
        BlobMetadata metadata = encoded.metadata().metadata();
        List<GeneralRecoverySymbol> symbols = new ArrayList<>();
        for (SliverSymbolSource source : sources(config, encoded.primarySlivers()).subList(0, config.primarySymbols())) {
            symbols.add(source.recoverySymbol(3));
        }
        // Corrupt one symbol: it fails its proof, is dropped, and p - 1 are not enough.
        GeneralRecoverySymbol first = symbols.getFirst();
        byte[] corrupted = first.symbol().data().clone();
        corrupted[0] ^= 1;
        symbols.set(0, new GeneralRecoverySymbol(first.targetType(), new DecodingSymbol(first.symbol().index(), corrupted),
                first.targetIndex(), first.proof()));
        assertThatThrownBy(() -> SliverRecovery.recover(config, metadata, SliverType.SECONDARY, 3, symbols))
                .isInstanceOf(EncodingException.class).hasMessageContaining("needs 4 verified symbols, got 3");
    }

    /**
     * A writer that encodes inconsistently: row 0 is replaced by other bytes and its primary hash
     * recomputed, while every other hash stays that of the honest encoding. Columns rebuilt from the
     * expanded rows then disagree with their metadata, and the proof says so.
     */
    @Test
    void tamperedEncodingIsDetectedByAnInconsistencyProof() {
        EncodingConfig config = new EncodingConfig(10);
        EncodedBlob honest = new BlobEncoder(config).encode(bytes(1000));
        BlobMetadata honestMeta = honest.metadata().metadata();
        SliverData row0 = honest.primarySlivers().getFirst();
        byte[] forged = row0.data().clone();
        forged[1] ^= 0x7F; // symbol (0, 0): column 0 no longer matches its hash
        SliverData forgedRow0 = new SliverData(SliverType.PRIMARY, 0, row0.symbolSize(), forged);
        Node forgedHash = new SliverExpander(config, row0.symbolSize()).root(forgedRow0);
        List<SliverPairMetadata> hashes = new ArrayList<>(honestMeta.hashes());
        hashes.set(0, new SliverPairMetadata(forgedHash, hashes.getFirst().secondaryHash()));
        BlobMetadata lyingMeta = new BlobMetadata(EncodingType.RS2, honestMeta.unencodedLength(), hashes);

        List<SliverData> rows = new ArrayList<>(honest.primarySlivers());
        rows.set(0, forgedRow0);
        List<GeneralRecoverySymbol> symbols = new ArrayList<>();
        for (SliverSymbolSource source : sources(config, rows)) {
            symbols.add(source.recoverySymbol(0));
        }
        RecoveryOutcome outcome = SliverRecovery.recover(config, lyingMeta, SliverType.SECONDARY, 0, symbols);
        assertThat(outcome).isInstanceOf(RecoveryOutcome.Inconsistent.class);
        InconsistencyProof proof = ((RecoveryOutcome.Inconsistent) outcome).proof();
        assertThat(proof.recoverySymbols()).hasSize(config.primarySymbols());
        InconsistencyProof decoded = InconsistencyProof.fromBcs(proof.toBcs());
        decoded.verify(config, lyingMeta); // accepted: the blob is inconsistent

        // The same symbols against the honest metadata: row 0's symbol no longer verifies.
        assertThatThrownBy(() -> decoded.verify(config, honestMeta)).isInstanceOf(VerificationException.class)
                .hasMessageContaining("INVALID_MERKLE_PROOF");
        // A proof built from honest symbols decodes a matching sliver and is refused.
        List<RecoverySymbol> honestSymbols = new ArrayList<>();
        for (SliverSymbolSource source : sources(config, honest.primarySlivers()).subList(0, config.primarySymbols())) {
            honestSymbols.add(source.recoverySymbol(0).toRecoverySymbol());
        }
        assertThatThrownBy(() -> new InconsistencyProof(SliverType.SECONDARY, 0, honestSymbols).verify(config, honestMeta))
                .hasMessageContaining("SLIVER_NOT_INCONSISTENT");
        assertThatThrownBy(() -> new InconsistencyProof(SliverType.SECONDARY, 0, honestSymbols.subList(1, 4)).verify(config, honestMeta))
                .hasMessageContaining("WRONG_SYMBOL_COUNT");
    }

    private static List<SliverSymbolSource> sources(EncodingConfig config, List<SliverData> slivers) {
        return slivers.stream().map(s -> new SliverSymbolSource(config, s)).toList();
    }

    private byte[] bytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
