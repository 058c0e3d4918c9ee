package io.walrusj.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.VerificationException;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverPair;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import io.walrusj.core.bcs.BcsWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text and BCS forms of the wire types, and the rejection of everything non-canonical. */
class WireFormatTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String EXAMPLE = "7VcehCC46COzE_nOUUlyONMNUU-f4TuI7O85q3OPoGM";

    @Test
    void blobIdTextU256AndRotation() {
        BlobId id = BlobId.parse(EXAMPLE);
        assertThat(id.toHex()).startsWith("ed571e84").endsWith("a063");
        assertThat(id.toString()).isEqualTo(EXAMPLE);
        assertThat(id.toU256()).isEqualTo(new BigInteger(
                "45062657608261607572831738366676645840671939944036070053537424039143215618029"));
        assertThat(BlobId.fromU256(id.toU256())).isEqualTo(id);
        assertThat(id.rotationOffset(10)).isEqualTo(9);
        assertThat(new EncodingConfig(10).shardForPair(0, 9)).isEqualTo(9);
        assertThat(new EncodingConfig(10).pairForShard(9, 9)).isZero();
        assertThat(BlobId.fromU256(BigInteger.ONE).toHex()).isEqualTo("01" + "00".repeat(31));
    }

    @Test
    void badBlobIdTextIsRejectedWithAReason() {
        assertThatThrownBy(() -> BlobId.parse(EXAMPLE + "=")).isInstanceOf(BlobId.InvalidBlobIdException.class)
                .hasMessageContaining("43");
        assertThatThrownBy(() -> BlobId.parse(EXAMPLE.substring(1))).hasMessageContaining("43");
        assertThatThrownBy(() -> BlobId.parse(EXAMPLE.replace('_', '/'))).hasMessageContaining("invalid character '/'");
        assertThatThrownBy(() -> BlobId.parse(EXAMPLE.replace('-', '+'))).hasMessageContaining("invalid character '+'");
        // Last character 'M' (001100) carries 4 unused bits: 'N' sets one, which is not canonical.
        assertThatThrownBy(() -> BlobId.parse(EXAMPLE.substring(0, 42) + "N")).hasMessageContaining("non-canonical");
        assertThatThrownBy(() -> BlobId.parse(null)).isInstanceOf(BlobId.InvalidBlobIdException.class);
        assertThatThrownBy(() -> BlobId.fromHex("abcd")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> BlobId.fromU256(BigInteger.ONE.shiftLeft(256))).hasMessageContaining("u256");
    }

    @Test
    void metadataBcsRoundTripAndCanonicalChecks() {
        EncodingConfig config = new EncodingConfig(4);
        EncodedBlob encoded = new BlobEncoder(config).encode(new byte[] {1, 2, 3});
        BlobMetadataWithId withId = encoded.metadata();
        byte[] bcs = withId.toBcs();
        assertThat(bcs).hasSize(32 + 1 + 1 + 8 + 1 + 4 * 66);
        assertThat(BlobMetadataWithId.fromBcs(bcs)).isEqualTo(withId);
        BlobMetadataWithId.fromBcs(bcs).verify(config);

        assertThatThrownBy(() -> BlobMetadataWithId.fromBcs(java.util.Arrays.copyOf(bcs, bcs.length - 1)))
                .isInstanceOf(BcsException.class).hasMessageContaining("truncated");
        byte[] trailing = java.util.Arrays.copyOf(bcs, bcs.length + 1);
        assertThatThrownBy(() -> BlobMetadataWithId.fromBcs(trailing)).hasMessageContaining("trailing");
        byte[] raptor = bcs.clone();
        raptor[33] = 0; // legacy RaptorQ encoding type
        assertThatThrownBy(() -> BlobMetadataWithId.fromBcs(raptor)).hasMessageContaining("unsupported encoding type");
        byte[] badVariant = bcs.clone();
        badVariant[32] = 1; // BlobMetadata has only V1
        assertThatThrownBy(() -> BlobMetadataWithId.fromBcs(badVariant)).hasMessageContaining("unknown variant");
        byte[] badNode = bcs.clone();
        badNode[43] = 2; // Node variant 2 does not exist
        assertThatThrownBy(() -> BlobMetadataWithId.fromBcs(badNode)).hasMessageContaining("Node");
        byte[] nonCanonicalLength = new byte[bcs.length + 1]; // hash count 4 written as 84 00
        System.arraycopy(bcs, 0, nonCanonicalLength, 0, 42);
        nonCanonicalLength[42] = (byte) 0x84;
        nonCanonicalLength[43] = 0;
        System.arraycopy(bcs, 43, nonCanonicalLength, 44, bcs.length - 43);
        assertThatThrownBy(() -> BlobMetadataWithId.fromBcs(nonCanonicalLength)).hasMessageContaining("non-canonical");
    }

    @Test
    void metadataVerificationReasons() {
        EncodingConfig config = new EncodingConfig(4);
        BlobMetadataWithId good = new BlobEncoder(config).encode(new byte[] {9}).metadata();
        BlobMetadata meta = good.metadata();
        assertThatThrownBy(() -> meta.verify(new EncodingConfig(5), good.blobId())).hasMessageContaining("INVALID_HASH_COUNT");
        BlobMetadata huge = new BlobMetadata(EncodingType.RS2, -1L, meta.hashes()); // u64::MAX
        assertThatThrownBy(() -> huge.verify(config, good.blobId())).hasMessageContaining("UNENCODED_LENGTH_TOO_LARGE");
        BlobMetadata longer = new BlobMetadata(EncodingType.RS2, 2, meta.hashes());
        assertThatThrownBy(() -> longer.verify(config, good.blobId())).isInstanceOf(VerificationException.class)
                .hasMessageContaining("BLOB_ID_MISMATCH");
        List<io.walrusj.core.metadata.SliverPairMetadata> emptied = new ArrayList<>(meta.hashes());
        emptied.set(0, new SliverPairMetadata(Node.Empty.INSTANCE, emptied.getFirst().secondaryHash()));
        BlobMetadata withEmpty = new BlobMetadata(EncodingType.RS2, 1, emptied);
        assertThat(BlobMetadata.fromBcs(withEmpty.toBcs())).isEqualTo(withEmpty);
        assertThat(withEmpty.computeBlobId()).isNotEqualTo(good.blobId());
    }

    @Test
    void sliverBcsFormsAndRejections() {
        SliverData sliver = new SliverData(SliverType.SECONDARY, 9, 4, HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        assertThat(HEX.formatHex(sliver.toBcs())).isEqualTo("10000102030405060708090a0b0c0d0e0f04000900");
        assertThat(SliverData.fromBcs(sliver.toBcs(), SliverType.SECONDARY)).isEqualTo(sliver);
        byte[] tagged = BcsWriter.encode(sliver::writeBcsTagged);
        assertThat(tagged[0]).isEqualTo((byte) 1);
        assertThat(BcsReader.decode(tagged, SliverData::readTagged)).isEqualTo(sliver);
        assertThatThrownBy(() -> SliverData.fromBcs(HEX.parseHex("0400010203" + "0000" + "0000"), SliverType.PRIMARY))
                .isInstanceOf(BcsException.class).hasMessageContaining("non-zero");
        assertThatThrownBy(() -> SliverData.fromBcs(HEX.parseHex("0300010203" + "0200" + "0000"), SliverType.PRIMARY))
                .isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> SliverData.fromBcs(HEX.parseHex("0400010203" + "0200" + "00"), SliverType.PRIMARY))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> SliverData.fromBcs(HEX.parseHex("ff00010203"), SliverType.PRIMARY))
                .isInstanceOf(BcsException.class);
        assertThatThrownBy(() -> BcsReader.decode(HEX.parseHex("02" + "0400010203" + "02000000"), SliverData::readTagged))
                .hasMessageContaining("unknown variant");
        SliverPair pair = new SliverPair(new SliverData(SliverType.PRIMARY, 0, 2, new byte[6]), new SliverData(SliverType.SECONDARY, 3, 2, new byte[4]));
        assertThat(BcsReader.decode(BcsWriter.encode(pair::writeBcs), SliverPair::read)).isEqualTo(pair);
    }

    @Test
    void symbolIdAndRecoverySymbolForms() {
        assertThat(SymbolId.parse("17-21")).isEqualTo(new SymbolId(17, 21));
        assertThat(new SymbolId(17, 21).toString()).isEqualTo("17-21");
        assertThat(HEX.formatHex(BcsWriter.encode(new SymbolId(17, 21)::writeBcs))).isEqualTo("11001500");
        for (String bad : new String[] {"17", "-3", "a-b", "1-", "70000-1"}) {
            assertThatThrownBy(() -> SymbolId.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        EncodingConfig config = new EncodingConfig(4);
        EncodedBlob encoded = new BlobEncoder(config).encode(new byte[] {13, 20, 27, 34, 41, 48, 55, 62, 69, 76});
        GeneralRecoverySymbol symbol = new SliverSymbolSource(config, encoded.primarySlivers().get(1)).recoverySymbol(3);
        byte[] bcs = symbol.toBcs();
        // variant 1 (recovers a secondary sliver), index 1, 2 data bytes, target 3, proof of 2 digests
        assertThat(HEX.formatHex(bcs, 0, 6)).isEqualTo("010100" + "02" + HEX.formatHex(symbol.symbol().data()).substring(0, 4));
        assertThat(bcs).hasSize(1 + 2 + 1 + 2 + 2 + 1 + 2 * 33);
        assertThat(GeneralRecoverySymbol.fromBcs(bcs).toBcs()).isEqualTo(bcs);
        assertThatThrownBy(() -> GeneralRecoverySymbol.fromBcs(java.util.Arrays.copyOf(bcs, bcs.length - 3)))
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> InconsistencyProof.fromBcs(HEX.parseHex("0300")))
                .isInstanceOf(BcsException.class);
    }
}
