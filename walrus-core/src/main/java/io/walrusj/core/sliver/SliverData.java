package io.walrusj.core.sliver;

import io.walrusj.core.VerificationException;
import io.walrusj.core.VerificationException.Reason;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.metadata.BlobMetadata;
import java.util.Arrays;

/**
 * One sliver: the s symbols of a row (primary) or the p symbols of a column (secondary) of the
 * expanded matrix. BCS of {@code SliverData<A>}: {@code Symbols {data: bytes, symbol_size: u16}},
 * then {@code index: u16} (the sliver index, not the pair index). The axis is not serialised here;
 * the enum {@link #writeBcsTagged tagged form} ({@code Sliver}) carries it.
 *
 * <p>The data array is owned by this record and not copied: slivers are large and handed around a
 * lot, so callers must not mutate an array after wrapping it.
 */
public record SliverData(SliverType type, int index, int symbolSize, byte[] data) {
    public SliverData {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("sliver index must fit in u16, got " + index);
        }
        if (symbolSize <= 0 || symbolSize > 0xFFFF) {
            throw new IllegalArgumentException("symbol size must be in 1..65535, got " + symbolSize);
        }
        if (data.length % symbolSize != 0) {
            throw new IllegalArgumentException("sliver length " + data.length + " is not a multiple of the symbol size " + symbolSize);
        }
    }

    public int symbolCount() {
        return data.length / symbolSize;
    }

    /** Copy of symbol {@code i}. */
    public byte[] symbol(int i) {
        return Arrays.copyOfRange(data, i * symbolSize, (i + 1) * symbolSize);
    }

    public int pairIndex(int nShards) {
        return type == SliverType.PRIMARY ? index : nShards - 1 - index;
    }

    /**
     * {@code SliverData::verify} (docs/spec/walrus-encoding.md 9.1): index in range, length and symbol size as
     * the metadata implies, and the Merkle root of the expanded sliver equal to the metadata's hash.
     */
    public void verify(EncodingConfig config, BlobMetadata metadata) {
        int n = metadata.nShards();
        if (index >= n) {
            throw new VerificationException(Reason.SLIVER_INDEX_OUT_OF_RANGE, "sliver index " + index + " with " + n + " shards");
        }
        int expectedSymbolSize = metadata.symbolSize(config);
        int expectedLength = config.sliverLength(type, expectedSymbolSize);
        if (data.length != expectedLength) {
            throw new VerificationException(Reason.WRONG_SLIVER_LENGTH,
                    type.text() + " sliver " + index + " has " + data.length + " bytes, expected " + expectedLength);
        }
        if (symbolSize != expectedSymbolSize) {
            throw new VerificationException(Reason.WRONG_SYMBOL_SIZE,
                    "symbol size " + symbolSize + ", expected " + expectedSymbolSize);
        }
        Node expected = metadata.sliverHash(type, index);
        Node actual = new SliverExpander(config, symbolSize).merkleTree(this).root();
        if (!actual.equals(expected)) {
            throw new VerificationException(Reason.MERKLE_ROOT_MISMATCH,
                    type.text() + " sliver " + index + " has root " + actual + ", metadata says " + expected);
        }
    }

    /** BCS of {@code SliverData} (untagged). */
    public void writeBcs(BcsWriter writer) {
        writer.bytes(data);
        writer.u16(symbolSize);
        writer.u16(index);
    }

    public byte[] toBcs() {
        return BcsWriter.encode(BcsWriter.ulebSize(data.length) + data.length + 4, this::writeBcs);
    }

    /** BCS of the {@code Sliver} enum: variant (0 primary, 1 secondary) then the sliver data. */
    public void writeBcsTagged(BcsWriter writer) {
        type.writeBcs(writer);
        writeBcs(writer);
    }

    public static SliverData read(BcsReader reader, SliverType type) {
        byte[] data = reader.bytes();
        int sizeAt = reader.position();
        int symbolSize = reader.u16();
        if (symbolSize == 0) {
            throw new BcsException("symbol size must be non-zero", sizeAt);
        }
        if (data.length % symbolSize != 0) {
            throw new BcsException("sliver length " + data.length + " is not a multiple of symbol size " + symbolSize, sizeAt);
        }
        return new SliverData(type, reader.u16(), symbolSize, data);
    }

    public static SliverData fromBcs(byte[] bytes, SliverType type) {
        return BcsReader.decode(bytes, r -> read(r, type));
    }

    public static SliverData readTagged(BcsReader reader) {
        return read(reader, SliverType.read(reader));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SliverData s && type == s.type && index == s.index && symbolSize == s.symbolSize
                && Arrays.equals(data, s.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + index) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return type.text() + " sliver " + index + " (" + data.length + " bytes, symbol size " + symbolSize + ")";
    }
}
