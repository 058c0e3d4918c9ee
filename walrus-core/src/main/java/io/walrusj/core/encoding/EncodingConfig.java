package io.walrusj.core.encoding;

import io.walrusj.core.rs.RsParameters;
import io.walrusj.core.sliver.SliverType;

/**
 * RS2 parameters derived from the number of shards n (docs/spec/walrus-encoding.md sections 1-2): f =
 * floor((n-1)/3), p = n - 2f primary source symbols (rows of the message matrix, symbols per
 * secondary sliver), s = n - f secondary source symbols (columns, symbols per primary sliver).
 */
public record EncodingConfig(int nShards) {
    /** RS2 symbols are at most u16::MAX - 1 bytes (they must be even). */
    public static final int MAX_SYMBOL_SIZE = 65534;
    /** reed-solomon-simd supports at most 32768 recovery shards; 2f stays below that for n <= 49152. */
    public static final int MAX_SHARDS = 49152;

    public EncodingConfig {
        if (nShards < 4) {
            throw new EncodingException(EncodingException.Reason.INVALID_SHARD_COUNT,
                    "RS2 needs at least 4 shards (f >= 1), got n = " + nShards);
        }
        if (nShards > MAX_SHARDS) {
            throw new EncodingException(EncodingException.Reason.INVALID_SHARD_COUNT,
                    "at most " + MAX_SHARDS + " shards are supported, got n = " + nShards);
        }
    }

    public int maxFaulty() {
        return (nShards - 1) / 3;
    }

    /** p: source symbols of the primary encoding (columns); symbols in a secondary sliver. */
    public int primarySymbols() {
        return nShards - 2 * maxFaulty();
    }

    /** s: source symbols of the secondary encoding (rows); symbols in a primary sliver. */
    public int secondarySymbols() {
        return nShards - maxFaulty();
    }

    /** Symbols in a sliver of this type (s for primary, p for secondary). */
    public int symbolsPerSliver(SliverType type) {
        return type == SliverType.PRIMARY ? secondarySymbols() : primarySymbols();
    }

    /** Symbols needed to recover a sliver of this type: s for primary, p for secondary. */
    public int symbolsForRecovery(SliverType type) {
        return symbolsPerSliver(type);
    }

    /** Source symbols of the encoding a sliver of this type is expanded with. */
    public long sourceSymbols() {
        return (long) primarySymbols() * secondarySymbols();
    }

    /** The primary encoding: columns, K = p source symbols, 2f recovery. */
    public RsParameters primaryCode() {
        return RsParameters.of(primarySymbols(), nShards - primarySymbols());
    }

    /** The secondary encoding: rows, K = s source symbols, f recovery. */
    public RsParameters secondaryCode() {
        return RsParameters.of(secondarySymbols(), nShards - secondarySymbols());
    }

    /** The code that expands a sliver of this type to all n symbols (the orthogonal axis's encoding). */
    public RsParameters expansionCode(SliverType type) {
        return type == SliverType.PRIMARY ? secondaryCode() : primaryCode();
    }

    public long maxBlobSize() {
        return sourceSymbols() * MAX_SYMBOL_SIZE;
    }

    /** Symbol size for a blob of {@code length} bytes: ceil(max(L,1) / (p*s)) rounded up to even. */
    public int symbolSize(long length) {
        if (length < 0 || length > maxBlobSize()) {
            throw new EncodingException(EncodingException.Reason.DATA_TOO_LARGE,
                    "blob of " + length + " bytes exceeds the maximum of " + maxBlobSize() + " bytes for n = " + nShards);
        }
        long size = (Math.max(length, 1) + sourceSymbols() - 1) / sourceSymbols();
        return (int) ((size + 1) & ~1L);
    }

    public int sliverLength(SliverType type, int symbolSize) {
        return symbolsPerSliver(type) * symbolSize;
    }

    /** Encoded size for pricing: n * (64n + 32) + n * (p + s) * symbolSize (metadata on every shard plus the pair). */
    public long encodedLength(long unencodedLength) {
        long n = nShards;
        return n * (n * 64 + 32) + n * (primarySymbols() + secondarySymbols()) * (long) symbolSize(unencodedLength);
    }

    /** Storage units for pricing: encoded length in MiB, rounded up. */
    public long storageUnits(long unencodedLength) {
        long mib = 1L << 20;
        return (encodedLength(unencodedLength) + mib - 1) / mib;
    }

    /** Pair index whose sliver has {@code sliverIndex} on the given axis: primary k is in pair k, secondary j in pair n-1-j. */
    public int pairIndex(SliverType type, int sliverIndex) {
        return type == SliverType.PRIMARY ? sliverIndex : nShards - 1 - sliverIndex;
    }

    /** Sliver index of the given type held by pair {@code pairIndex}. */
    public int sliverIndex(SliverType type, int pairIndex) {
        return pairIndex(type, pairIndex);
    }

    /** Shard that stores sliver pair {@code pairIndex} of the blob whose rotation offset is {@code offset}. */
    public int shardForPair(int pairIndex, int rotationOffset) {
        return (pairIndex + rotationOffset) % nShards;
    }

    /** Sliver pair stored on {@code shard} for the blob whose rotation offset is {@code offset}. */
    public int pairForShard(int shard, int rotationOffset) {
        return (nShards + shard - rotationOffset) % nShards;
    }
}
