package io.walrusj.core.encoding;

import io.walrusj.core.encoding.EncodingException.Reason;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.rs.ReedSolomonDecoder;
import io.walrusj.core.rs.RsParameters;
import io.walrusj.core.rs.ShardEngine;
import io.walrusj.core.rs.ShardLayout;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes a blob from any p primary slivers or any s secondary slivers (docs/spec/walrus-encoding.md
 * section 11), then runs the requested consistency check. Slivers are expected to have been verified
 * against the metadata when they were fetched; slivers of the wrong type, shape or symbol size and
 * duplicates are skipped, extras are ignored (systematic ones are preferred: they need no RS work).
 */
public final class BlobDecoder {
    /** {@code ConsistencyCheckType}: what is re-checked after decoding. */
    public enum ConsistencyCheck {
        /** Nothing beyond the per-sliver verification done when fetching. */
        SKIP,
        /** Re-hash every systematic primary sliver that was not an input (RS2 default). */
        DEFAULT,
        /** Re-encode the whole blob and require the same blob ID. */
        STRICT,
    }

    private final EncodingConfig config;
    private final int parallelism;
    private final ShardEngine engine;

    public BlobDecoder(EncodingConfig config) {
        this(config, Runtime.getRuntime().availableProcessors());
    }

    public BlobDecoder(EncodingConfig config, int parallelism) {
        this.config = config;
        this.parallelism = parallelism;
        this.engine = ShardEngine.best();
    }

    /**
     * Decodes the blob from slivers of one type (all primary or all secondary).
     *
     * @throws EncodingException NOT_ENOUGH_SLIVERS if fewer than p primary (s secondary) usable
     *     slivers are given, INCONSISTENT_BLOB if the consistency check fails, DATA_TOO_LARGE for
     *     blobs over 2 GiB (which do not fit a byte array)
     */
    public byte[] decode(BlobMetadataWithId metadata, Collection<SliverData> slivers, SliverType type, ConsistencyCheck check) {
        BlobMetadata meta = metadata.metadata();
        long length = meta.unencodedLength();
        if (length < 0 || length > Integer.MAX_VALUE - 8) {
            throw new EncodingException(Reason.DATA_TOO_LARGE,
                    "blob of " + Long.toUnsignedString(length) + " bytes does not fit in memory as one array; read it by ranges");
        }
        int symbolSize = config.symbolSize(length);
        List<SliverData> chosen = choose(slivers, type, symbolSize);
        byte[][] originals = restore(type, chosen, symbolSize);
        byte[][] rows = type == SliverType.PRIMARY ? originals : transpose(originals, symbolSize);
        BitSet inputRows = new BitSet();
        if (type == SliverType.PRIMARY) {
            chosen.forEach(s -> inputRows.set(s.index()));
        }
        switch (check) {
            case SKIP -> { }
            case DEFAULT -> checkRows(meta, rows, inputRows, symbolSize);
            case STRICT -> { } // done on the assembled blob below
        }
        byte[] blob = new byte[(int) length];
        int rowBytes = config.secondarySymbols() * symbolSize;
        for (int r = 0, pos = 0; pos < blob.length; r++, pos += rowBytes) {
            System.arraycopy(rows[r], 0, blob, pos, Math.min(rowBytes, blob.length - pos));
        }
        if (check == ConsistencyCheck.STRICT) {
            BlobMetadataWithId reencoded = new BlobEncoder(config, parallelism, engine).computeMetadata(blob);
            if (!reencoded.blobId().equals(metadata.blobId())) {
                throw new EncodingException(Reason.INCONSISTENT_BLOB,
                        "decoded blob re-encodes to " + reencoded.blobId() + ", expected " + metadata.blobId());
            }
        }
        return blob;
    }

    /** Primary sliver indices (systematic rows) holding bytes [from, to) of the blob. */
    public int[] primarySliversForRange(BlobMetadata metadata, long from, long to) {
        checkRange(metadata, from, to);
        if (from == to) {
            return new int[0];
        }
        long rowBytes = (long) config.secondarySymbols() * config.symbolSize(metadata.unencodedLength());
        int first = (int) (from / rowBytes);
        int last = (int) ((to - 1) / rowBytes);
        int[] out = new int[last - first + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i;
        }
        return out;
    }

    /**
     * Bytes [from, to) of the blob from the systematic primary slivers that hold them
     * ({@link #primarySliversForRange}); no whole-blob consistency check, as in the Walrus SDK.
     */
    public byte[] readRange(BlobMetadata metadata, Collection<SliverData> primarySlivers, long from, long to) {
        int[] needed = primarySliversForRange(metadata, from, to);
        int symbolSize = config.symbolSize(metadata.unencodedLength());
        long rowBytes = (long) config.secondarySymbols() * symbolSize;
        Map<Integer, SliverData> byIndex = new TreeMap<>();
        for (SliverData s : primarySlivers) {
            if (s.type() == SliverType.PRIMARY && s.symbolSize() == symbolSize && s.data().length == rowBytes) {
                byIndex.putIfAbsent(s.index(), s);
            }
        }
        if (to - from > Integer.MAX_VALUE - 8) {
            throw new EncodingException(Reason.INVALID_RANGE, "range of " + (to - from) + " bytes is too large for one array");
        }
        byte[] out = new byte[(int) (to - from)];
        for (int index : needed) {
            SliverData sliver = byIndex.get(index);
            if (sliver == null) {
                throw new EncodingException(Reason.NOT_ENOUGH_SLIVERS, "range needs primary sliver " + index);
            }
            long rowStart = index * rowBytes;
            long start = Math.max(from, rowStart);
            long end = Math.min(to, rowStart + rowBytes);
            System.arraycopy(sliver.data(), (int) (start - rowStart), out, (int) (start - from), (int) (end - start));
        }
        return out;
    }

    private static void checkRange(BlobMetadata metadata, long from, long to) {
        if (from < 0 || to < from || Long.compareUnsigned(to, metadata.unencodedLength()) > 0) {
            throw new EncodingException(Reason.INVALID_RANGE, "range [" + from + ", " + to + ") is not within a blob of "
                    + Long.toUnsignedString(metadata.unencodedLength()) + " bytes");
        }
    }

    private List<SliverData> choose(Collection<SliverData> slivers, SliverType type, int symbolSize) {
        int needed = type == SliverType.PRIMARY ? config.primarySymbols() : config.secondarySymbols();
        int sliverBytes = config.sliverLength(type, symbolSize);
        Map<Integer, SliverData> byIndex = new TreeMap<>();
        for (SliverData s : slivers) {
            if (s.type() == type && s.symbolSize() == symbolSize && s.data().length == sliverBytes && s.index() < config.nShards()) {
                byIndex.putIfAbsent(s.index(), s);
            }
        }
        if (byIndex.size() < needed) {
            throw new EncodingException(Reason.NOT_ENOUGH_SLIVERS, "decoding from " + type.text() + " slivers needs " + needed
                    + " distinct usable slivers, got " + byIndex.size());
        }
        // TreeMap order = ascending index, so systematic slivers (index < K) come first.
        List<SliverData> chosen = new ArrayList<>(byIndex.values()).subList(0, needed);
        chosen.sort(Comparator.comparingInt(SliverData::index));
        return chosen;
    }

    /**
     * The K source slivers of the decoding axis: primary slivers 0..p-1 (rows) when decoding from
     * primary slivers, secondary slivers 0..s-1 (columns) otherwise. Present ones are reused, the
     * missing ones decoded in batches of codewords (columns, resp. rows) spread over threads.
     */
    private byte[][] restore(SliverType type, List<SliverData> chosen, int symbolSize) {
        RsParameters code = type == SliverType.PRIMARY ? config.primaryCode() : config.secondaryCode();
        int k = code.originalCount();
        int codewords = config.symbolsPerSliver(type);
        byte[][] originals = new byte[k][];
        BitSet present = new BitSet();
        for (SliverData s : chosen) {
            present.set(s.index());
            if (s.index() < k) {
                originals[s.index()] = s.data();
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (originals[i] == null) {
                originals[i] = new byte[codewords * symbolSize];
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return originals;
        }
        int elements = symbolSize / 2;
        int stride = Batches.stride(elements);
        int perBatch = Batches.perBatch(codewords, stride, parallelism);
        int batches = (codewords + perBatch - 1) / perBatch;
        Parallel.run(parallelism, batches, () -> {
            ReedSolomonDecoder decoder = new ReedSolomonDecoder(code, perBatch * stride, engine);
            decoder.prepare(present);
            return decoder;
        }, (decoder, batch) -> {
            int first = batch * perBatch;
            int end = Math.min(codewords, first + perBatch);
            byte[] work = decoder.work();
            for (SliverData s : chosen) {
                int offset = decoder.inputOffset(s.index());
                for (int c = first; c < end; c++) {
                    ShardLayout.toWork(s.data(), c * symbolSize, symbolSize, work, offset, (c - first) * stride);
                }
            }
            decoder.decode();
            for (int i : missing) {
                int offset = decoder.inputOffset(i);
                for (int c = first; c < end; c++) {
                    ShardLayout.fromWork(work, offset, (c - first) * stride, originals[i], c * symbolSize, symbolSize);
                }
            }
        });
        return originals;
    }

    /** Columns (s secondary slivers of p symbols) to rows (p primary slivers of s symbols). */
    private byte[][] transpose(byte[][] columns, int symbolSize) {
        int p = config.primarySymbols();
        int s = config.secondarySymbols();
        byte[][] rows = new byte[p][s * symbolSize];
        for (int c = 0; c < s; c++) {
            for (int r = 0; r < p; r++) {
                System.arraycopy(columns[c], r * symbolSize, rows[r], c * symbolSize, symbolSize);
            }
        }
        return rows;
    }

    /** DEFAULT check: every systematic row that was not an input must hash to its metadata entry. */
    private void checkRows(BlobMetadata metadata, byte[][] rows, BitSet inputRows, int symbolSize) {
        int[] toCheck = java.util.stream.IntStream.range(0, rows.length).filter(r -> !inputRows.get(r)).toArray();
        Parallel.run(parallelism, toCheck.length, () -> new SliverExpander(config, symbolSize), (expander, task) -> {
            int r = toCheck[task];
            Node actual = expander.root(new SliverData(SliverType.PRIMARY, r, symbolSize, rows[r]));
            if (!actual.equals(metadata.sliverHash(SliverType.PRIMARY, r))) {
                throw new EncodingException(Reason.INCONSISTENT_BLOB,
                        "decoded primary sliver " + r + " does not match the metadata: the blob was encoded inconsistently");
            }
        });
    }
}
