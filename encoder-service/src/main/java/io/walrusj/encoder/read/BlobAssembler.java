package io.walrusj.encoder.read;

import io.walrusj.core.encoding.BlobDecoder;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.EncodingException;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns verified metadata and a {@link SliverSource} into the blob's bytes (walrus-encoding 11):
 *
 * <ul>
 *   <li>whole blob: p verified primary slivers, systematic ones asked first. With all p systematic
 *       slivers in hand the rows <em>are</em> the blob and are served as they are (the DEFAULT check
 *       has nothing left to check); otherwise RS-decode with the requested check. Too few primary
 *       slivers: s secondary slivers from the pairs that answered, then decode. Still too few: 503.
 *   <li>byte range: only the systematic slivers the range touches (11.4), each verified, no
 *       whole-blob check. If one of them cannot be had, the whole blob is decoded with the DEFAULT
 *       check (which hashes every decoded row against the metadata) and sliced.
 * </ul>
 *
 * A failed consistency check is reported, never served.
 */
final class BlobAssembler {
    /** The largest array the JVM hands out: the decoder's output must fit one. */
    static final long MAX_DECODED = Integer.MAX_VALUE - 8;

    private final EncodingConfig config;
    private final SliverCollector collector;
    private final int decodeParallelism;

    BlobAssembler(SliverCollector collector, int decodeParallelism) {
        this.config = collector.config();
        this.collector = collector;
        this.decodeParallelism = decodeParallelism;
    }

    BlobBody readAll(BlobMetadataWithId metadata, SliverSource source, ConsistencyCheck check) {
        return readAll(metadata, source, check, Map.of());
    }

    /** As {@link #readAll(BlobMetadataWithId, SliverSource, ConsistencyCheck)}, keeping already verified primary slivers. */
    BlobBody readAll(BlobMetadataWithId metadata, SliverSource source, ConsistencyCheck check, Map<Integer, SliverData> held) {
        BlobMetadata meta = metadata.metadata();
        int p = config.primarySymbols();
        SliverCollector.Collected primary = collector.collect(meta, source, SliverType.PRIMARY, collector.allIndices(), p, held);
        if (primary.has(p) && check != ConsistencyCheck.STRICT && holdsAllSystematic(primary.slivers())) {
            return rows(meta, primary.slivers());
        }
        return BlobBody.of(decode(metadata, source, check, primary));
    }

    BlobBody readRange(BlobMetadataWithId metadata, SliverSource source, ByteRange range) {
        BlobMetadata meta = metadata.metadata();
        range.requireWithin(meta.unencodedLength());
        int[] rows = new BlobDecoder(config, decodeParallelism).primarySliversForRange(meta, range.start(), range.endExclusive());
        List<Integer> wanted = new ArrayList<>(rows.length);
        for (int r : rows) {
            wanted.add(r);
        }
        SliverCollector.Collected got = collector.collect(meta, source, SliverType.PRIMARY, wanted, wanted.size());
        if (got.has(wanted.size())) {
            return slice(meta, got.slivers(), range);
        }
        // A needed row is unavailable: decode everything, keeping the rows already verified.
        SliverCollector.Collected primary = collector.collect(meta, source, SliverType.PRIMARY, collector.allIndices(),
                config.primarySymbols(), got.slivers());
        byte[] blob = decode(metadata, source, ConsistencyCheck.DEFAULT, primary);
        return BlobBody.of(List.of(new BlobBody.Segment(blob, (int) range.start(), (int) range.length())));
    }

    /** RS decoding from p primary or, failing that, s secondary slivers. */
    private byte[] decode(BlobMetadataWithId metadata, SliverSource source, ConsistencyCheck check,
            SliverCollector.Collected primary) {
        BlobMetadata meta = metadata.metadata();
        if (Long.compareUnsigned(meta.unencodedLength(), MAX_DECODED) > 0) {
            throw ReadErrors.tooLarge(MAX_DECODED);
        }
        int p = config.primarySymbols();
        if (primary.has(p)) {
            return decode(metadata, primary.slivers(), SliverType.PRIMARY, check);
        }
        int s = config.secondarySymbols();
        // Pair k holds primary k and secondary n-1-k on one shard: skip pairs whose node is unreachable.
        List<Integer> candidates = collector.allIndices().stream()
                .filter(j -> !primary.unreachable().contains(config.pairIndex(SliverType.SECONDARY, j))).toList();
        if (candidates.size() < s) {
            throw ReadErrors.unavailable("not enough slivers to reconstruct the blob: " + primary.describe(SliverType.PRIMARY, p));
        }
        SliverCollector.Collected secondary = collector.collect(meta, source, SliverType.SECONDARY, candidates, s);
        if (!secondary.has(s)) {
            throw ReadErrors.unavailable("not enough slivers to reconstruct the blob: " + primary.describe(SliverType.PRIMARY, p)
                    + "; " + secondary.describe(SliverType.SECONDARY, s));
        }
        return decode(metadata, secondary.slivers(), SliverType.SECONDARY, check);
    }

    private byte[] decode(BlobMetadataWithId metadata, SortedMap<Integer, SliverData> slivers, SliverType type,
            ConsistencyCheck check) {
        try {
            return new BlobDecoder(config, decodeParallelism).decode(metadata, slivers.values(), type, check);
        } catch (EncodingException e) {
            if (e.reason() == EncodingException.Reason.INCONSISTENT_BLOB) {
                throw ReadErrors.inconsistent(e.getMessage());
            }
            if (e.reason() == EncodingException.Reason.DATA_TOO_LARGE) {
                throw ReadErrors.tooLarge(MAX_DECODED);
            }
            throw e;
        }
    }

    private boolean holdsAllSystematic(Map<Integer, SliverData> slivers) {
        for (int i = 0; i < config.primarySymbols(); i++) {
            if (!slivers.containsKey(i)) {
                return false;
            }
        }
        return true;
    }

    /** The blob as its systematic rows, the last one cut at the blob's length. */
    private BlobBody rows(BlobMetadata meta, Map<Integer, SliverData> slivers) {
        long length = meta.unencodedLength();
        long rowBytes = rowBytes(meta);
        List<BlobBody.Segment> segments = new ArrayList<>();
        for (int r = 0; (long) r * rowBytes < length; r++) {
            long take = Math.min(rowBytes, length - r * rowBytes);
            segments.add(new BlobBody.Segment(slivers.get(r).data(), 0, (int) take));
        }
        return new BlobBody(segments, length);
    }

    /** {@code range} out of the systematic rows that hold it. */
    private BlobBody slice(BlobMetadata meta, Map<Integer, SliverData> slivers, ByteRange range) {
        long rowBytes = rowBytes(meta);
        List<BlobBody.Segment> segments = new ArrayList<>();
        for (long pos = range.start(); pos < range.endExclusive(); ) {
            int row = (int) (pos / rowBytes);
            long inRow = pos - row * rowBytes;
            long take = Math.min(rowBytes - inRow, range.endExclusive() - pos);
            segments.add(new BlobBody.Segment(slivers.get(row).data(), (int) inRow, (int) take));
            pos += take;
        }
        return new BlobBody(segments, range.length());
    }

    private long rowBytes(BlobMetadata meta) {
        return (long) config.secondarySymbols() * config.symbolSize(meta.unencodedLength());
    }
}
