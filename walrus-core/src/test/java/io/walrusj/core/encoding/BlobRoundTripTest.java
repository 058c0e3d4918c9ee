package io.walrusj.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.VerificationException;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BlobRoundTripTest {
    private final Random random = new Random(2026);

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {4, 5, 6, 7, 9, 10, 13, 31, 64, 100})
    void roundTripsAcrossSizesWithRandomErasures(int n) {
        EncodingConfig config = new EncodingConfig(n);
        long unit = config.sourceSymbols(); // bytes per symbol-size step of 1 byte
        for (long length : new long[] {0, 1, 2, 2 * unit - 1, 2 * unit, 2 * unit + 1, 64 * unit, 64 * unit + 3, 5000}) {
            byte[] blob = randomBytes((int) length);
            EncodedBlob encoded = new BlobEncoder(config, 2).encode(blob);
            BlobMetadataWithId metadata = encoded.metadata();
            metadata.verify(config);
            assertThat(encoded.primarySlivers().getFirst().symbolSize()).isEqualTo(config.symbolSize(length));
            BlobDecoder decoder = new BlobDecoder(config, 2);

            // Lose up to 2f primary slivers (any p suffice) and up to f secondary slivers (any s suffice).
            List<SliverData> primary = survivors(encoded.primarySlivers(), config.primarySymbols());
            List<SliverData> secondary = survivors(encoded.secondarySlivers(), config.secondarySymbols());
            assertThat(decoder.decode(metadata, primary, SliverType.PRIMARY, ConsistencyCheck.DEFAULT))
                    .as("n=%d length=%d from primary", n, length).isEqualTo(blob);
            assertThat(decoder.decode(metadata, secondary, SliverType.SECONDARY, ConsistencyCheck.STRICT))
                    .as("n=%d length=%d from secondary", n, length).isEqualTo(blob);
            for (SliverData sliver : primary) {
                sliver.verify(config, metadata.metadata());
            }
            for (SliverData sliver : secondary) {
                sliver.verify(config, metadata.metadata());
            }
        }
    }

    @Test
    void maximumSymbolSizeAndOneByteMore() {
        EncodingConfig config = new EncodingConfig(4);
        assertThat(config.maxBlobSize()).isEqualTo(393204);
        byte[] blob = ReferenceVectors.seeded("t", 393204);
        EncodedBlob encoded = new BlobEncoder(config).encode(blob);
        assertThat(encoded.blobId().toString()).isEqualTo("sapnYzEhWyc7NOhCyoeIVNhwbH-MkafOoQwVPzicDuE");
        assertThat(encoded.primarySlivers().getFirst().symbolSize()).isEqualTo(65534);
        List<SliverData> parity = encoded.primarySlivers().subList(2, 4); // no systematic sliver at all
        assertThat(new BlobDecoder(config).decode(encoded.metadata(), parity, SliverType.PRIMARY, ConsistencyCheck.DEFAULT))
                .isEqualTo(blob);
        assertThatThrownBy(() -> new BlobEncoder(config).encode(new byte[393205]))
                .isInstanceOf(EncodingException.class).hasMessageContaining("exceeds the maximum");
        assertThat(((EncodingException) org.assertj.core.api.Assertions.catchThrowable(
                () -> new BlobEncoder(config).encode(new byte[393205]))).reason()).isEqualTo(EncodingException.Reason.DATA_TOO_LARGE);
    }

    @Test
    void boundaryBlobIdsOfTheSpec() {
        EncodingConfig config = new EncodingConfig(4);
        assertThat(new BlobEncoder(config).encode(ReferenceVectors.seeded("t", 384)).blobId().toString())
                .isEqualTo("vpoAreNfMebM0lJeiEq_EkFEPa7dQ9Tsogu-38kBw4s");
        assertThat(new BlobEncoder(config).encode(ReferenceVectors.seeded("t", 385)).blobId().toString())
                .isEqualTo("in0DRiozW5UuNUcH1fqTJE_NWqsV64zHlwWo2kZ8HoA");
        EncodingConfig thousand = new EncodingConfig(1000);
        assertThat(new BlobEncoder(thousand).encode(ReferenceVectors.seeded("big", 500000)).blobId().toString())
                .isEqualTo("fASm2td5jaP07WNlDbAxxtOdPIi_f_z5ORdI0m-G63Y");
    }

    @Test
    void largeBlobAtThousandShardsDecodesFromParitySlivers() {
        EncodingConfig config = new EncodingConfig(1000);
        byte[] blob = ReferenceVectors.seeded("bench", 4 << 20);
        EncodedBlob encoded = new BlobEncoder(config).encode(blob);
        assertThat(encoded.blobId().toString()).isEqualTo("mcKGioUbRp0gezGugJeqgF0RByKuij3Uyb_dXeASGsg");
        List<SliverData> lastP = encoded.primarySlivers().subList(1000 - config.primarySymbols(), 1000);
        assertThat(new BlobDecoder(config).decode(encoded.metadata(), lastP, SliverType.PRIMARY, ConsistencyCheck.DEFAULT))
                .isEqualTo(blob);
    }

    @Test
    void encodesFromAStreamLikeFromBytes() throws Exception {
        EncodingConfig config = new EncodingConfig(10);
        byte[] blob = randomBytes(12345);
        EncodedBlob fromStream = new BlobEncoder(config, 1).encode(new java.io.ByteArrayInputStream(blob), blob.length);
        assertThat(fromStream.blobId()).isEqualTo(new BlobEncoder(config, 3).encode(blob).blobId());
        assertThatThrownBy(() -> new BlobEncoder(config).encode(new java.io.ByteArrayInputStream(blob), blob.length + 1))
                .isInstanceOf(java.io.EOFException.class);
    }

    @Test
    void byteRangesReadOnlyTheSystematicSliversTheyTouch() {
        EncodingConfig config = new EncodingConfig(10);
        byte[] blob = randomBytes(10_000);
        EncodedBlob encoded = new BlobEncoder(config).encode(blob);
        BlobDecoder decoder = new BlobDecoder(config);
        int rowBytes = encoded.primarySlivers().getFirst().data().length;
        int[] needed = decoder.primarySliversForRange(encoded.metadata().metadata(), rowBytes - 5, rowBytes + 5);
        assertThat(needed).containsExactly(0, 1);
        List<SliverData> only = List.of(encoded.primarySlivers().get(0), encoded.primarySlivers().get(1));
        assertThat(decoder.readRange(encoded.metadata().metadata(), only, rowBytes - 5, rowBytes + 5))
                .isEqualTo(java.util.Arrays.copyOfRange(blob, rowBytes - 5, rowBytes + 5));
        assertThat(decoder.readRange(encoded.metadata().metadata(), encoded.primarySlivers(), 0, blob.length)).isEqualTo(blob);
        assertThat(decoder.readRange(encoded.metadata().metadata(), List.of(), 7, 7)).isEmpty();
        assertThatThrownBy(() -> decoder.readRange(encoded.metadata().metadata(), only, 0, 10_001))
                .isInstanceOf(EncodingException.class).hasMessageContaining("not within");
        assertThatThrownBy(() -> decoder.readRange(encoded.metadata().metadata(), only, 5, 4))
                .isInstanceOf(EncodingException.class);
        assertThatThrownBy(() -> decoder.readRange(encoded.metadata().metadata(), only, 3 * rowBytes, 3 * rowBytes + 1))
                .isInstanceOf(EncodingException.class).hasMessageContaining("needs primary sliver 3");
    }

    @Test
    void tooFewOrMisshapenSliversAreRejectedNotDecodedWrongly() {
        EncodingConfig config = new EncodingConfig(7);
        byte[] blob = randomBytes(3000);
        EncodedBlob encoded = new BlobEncoder(config).encode(blob);
        BlobDecoder decoder = new BlobDecoder(config);
        List<SliverData> two = encoded.primarySlivers().subList(0, 2);
        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), two, SliverType.PRIMARY, ConsistencyCheck.DEFAULT))
                .isInstanceOf(EncodingException.class).hasMessageContaining("needs 3");
        // A sliver with the wrong symbol size is skipped, duplicates count once.
        SliverData wrongSize = new SliverData(SliverType.PRIMARY, 6, 2, new byte[10]);
        List<SliverData> withJunk = new ArrayList<>(two);
        withJunk.add(wrongSize);
        withJunk.add(two.getFirst());
        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), withJunk, SliverType.PRIMARY, ConsistencyCheck.DEFAULT))
                .isInstanceOf(EncodingException.class);
        SliverData bad = encoded.primarySlivers().get(4);
        byte[] tampered = bad.data().clone();
        tampered[0] ^= 0x55;
        SliverData lying = new SliverData(SliverType.PRIMARY, 4, bad.symbolSize(), tampered);
        assertThatThrownBy(() -> lying.verify(config, encoded.metadata().metadata()))
                .isInstanceOf(VerificationException.class).hasMessageContaining("MERKLE_ROOT_MISMATCH");
        List<SliverData> corrupted = List.of(encoded.primarySlivers().get(0), lying, encoded.primarySlivers().get(6));
        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), corrupted, SliverType.PRIMARY, ConsistencyCheck.DEFAULT))
                .isInstanceOf(EncodingException.class).hasMessageContaining("inconsistently");
        assertThatThrownBy(() -> decoder.decode(encoded.metadata(), corrupted, SliverType.PRIMARY, ConsistencyCheck.STRICT))
                .isInstanceOf(EncodingException.class).hasMessageContaining("re-encodes");
    }

    @Test
    void rejectsTooFewShards() {
        for (int n : new int[] {-1, 0, 1, 2, 3}) {
            assertThatThrownBy(() -> new EncodingConfig(n)).isInstanceOf(EncodingException.class)
                    .hasMessageContaining("at least 4 shards");
        }
    }

    @Test
    void sliverVerificationNamesTheProblem() {
        EncodingConfig config = new EncodingConfig(10);
        EncodedBlob encoded = new BlobEncoder(config).encode(randomBytes(1000));
        var metadata = encoded.metadata().metadata();
        SliverData good = encoded.secondarySlivers().get(3);
        assertThatThrownBy(() -> new SliverData(SliverType.SECONDARY, 10, good.symbolSize(), good.data()).verify(config, metadata))
                .hasMessageContaining("SLIVER_INDEX_OUT_OF_RANGE");
        assertThatThrownBy(() -> new SliverData(SliverType.SECONDARY, 3, good.symbolSize(),
                java.util.Arrays.copyOf(good.data(), good.data().length - good.symbolSize())).verify(config, metadata))
                .hasMessageContaining("WRONG_SLIVER_LENGTH");
        assertThatThrownBy(() -> new SliverData(SliverType.SECONDARY, 3, good.symbolSize() / 2, good.data()).verify(config, metadata))
                .hasMessageContaining("WRONG_SYMBOL_SIZE");
        assertThatThrownBy(() -> new SliverData(SliverType.SECONDARY, 4, good.symbolSize(), good.data()).verify(config, metadata))
                .hasMessageContaining("MERKLE_ROOT_MISMATCH");
    }

    private List<SliverData> survivors(List<SliverData> all, int keep) {
        List<SliverData> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, keep);
    }

    private byte[] randomBytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }
}
