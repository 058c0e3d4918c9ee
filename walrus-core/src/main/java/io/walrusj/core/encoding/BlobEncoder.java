package io.walrusj.core.encoding;

import io.walrusj.core.hash.Blake2bBatch;
import io.walrusj.core.merkle.MerkleTree;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.metadata.EncodingType;
import io.walrusj.core.metadata.SliverPairMetadata;
import io.walrusj.core.rs.ReedSolomonEncoder;
import io.walrusj.core.rs.RsParameters;
import io.walrusj.core.rs.ShardEngine;
import io.walrusj.core.rs.ShardLayout;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RS2 ("RedStuff") encoder: blob bytes to n primary and n secondary slivers plus metadata and blob ID,
 * byte-compatible with walrus-core (docs/spec/walrus-encoding.md sections 3-7).
 *
 * <p>Pipeline, each phase spread over {@code parallelism} threads:
 * <ol>
 *   <li>the blob is read straight into primary slivers 0..p-1 (they are its rows);
 *   <li>rows: each row's s symbols are expanded with the secondary code; the f recovery symbols and
 *       the row's own symbols are written into the secondary slivers (columns);
 *   <li>columns: each of the n columns' p symbols is expanded with the primary code; rows p..n-1 of
 *       columns below s become primary slivers p..n-1, and every one of the n x n symbols is
 *       leaf-hashed once as it is seen (the lower-right block is hashed and dropped);
 *   <li>trees: a Merkle root per row (primary hash) and per column (secondary hash) over the shared
 *       leaf hashes, then the root over the pairs and the blob ID.
 * </ol>
 * Memory: the slivers themselves, n x n leaf hashes (32 MB at n = 1000), and one RS work buffer of
 * about 2 MiB per thread. Many symbols are batched into each RS call: every element position is an
 * independent codeword, so a "shard" is the concatenation of one symbol from each codeword in the
 * batch.
 */
public final class BlobEncoder {
    private static final int H = Node.DIGEST_LENGTH;
    private static final byte LEAF_PREFIX = 0x00;

    private final EncodingConfig config;
    private final int parallelism;
    private final ShardEngine engine;

    public BlobEncoder(EncodingConfig config) {
        this(config, Runtime.getRuntime().availableProcessors());
    }

    public BlobEncoder(EncodingConfig config, int parallelism) {
        this(config, parallelism, ShardEngine.best());
    }

    public BlobEncoder(EncodingConfig config, int parallelism, ShardEngine engine) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.config = config;
        this.parallelism = parallelism;
        this.engine = engine;
    }

    public EncodingConfig config() {
        return config;
    }

    public EncodedBlob encode(byte[] blob) {
        try {
            return encode(new ByteArrayInputStream(blob), blob.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes exactly {@code length} bytes read from {@code in}; the stream is not closed. */
    public EncodedBlob encode(InputStream in, long length) throws IOException {
        int symbolSize = config.symbolSize(length);
        Job job = new Job(symbolSize, length);
        job.readRows(in);
        job.encodeRows();
        job.encodeColumnsAndHash();
        return job.finish();
    }

    /** Only the metadata (and blob ID) of a blob; same work as {@link #encode(byte[])}. */
    public BlobMetadataWithId computeMetadata(byte[] blob) {
        return encode(blob).metadata();
    }

    /** The state of one encoding. */
    private final class Job {
        private final int n = config.nShards();
        private final int p = config.primarySymbols();
        private final int s = config.secondarySymbols();
        private final int symbolSize;
        private final int elements;
        private final long length;
        private final byte[][] primary;
        private final byte[][] secondary;
        /** Leaf hash of symbol (i, j) at (i * n + j) * 32. */
        private final byte[] leaves;

        Job(int symbolSize, long length) {
            this.symbolSize = symbolSize;
            this.elements = symbolSize / 2;
            this.length = length;
            this.primary = new byte[n][s * symbolSize];
            this.secondary = new byte[n][p * symbolSize];
            this.leaves = new byte[Math.multiplyExact(n * n, H)];
        }

        void readRows(InputStream in) throws IOException {
            long remaining = length;
            for (int r = 0; r < p && remaining > 0; r++) {
                int take = (int) Math.min(remaining, primary[r].length);
                readFully(in, primary[r], take);
                remaining -= take;
            }
        }

        void encodeRows() {
            Batching batching = new Batching(p);
            RsParameters code = config.secondaryCode();
            Parallel.run(parallelism, batching.count, () -> new ReedSolomonEncoder(code, batching.shardElements(), engine),
                    (encoder, batch) -> {
                        int first = batching.first(batch);
                        int last = batching.end(batch);
                        byte[] work = encoder.work();
                        for (int r = first; r < last; r++) {
                            int element = (r - first) * batching.stride;
                            for (int c = 0; c < s; c++) {
                                ShardLayout.toWork(primary[r], c * symbolSize, symbolSize, work, encoder.shardOffset(c), element);
                                System.arraycopy(primary[r], c * symbolSize, secondary[c], r * symbolSize, symbolSize);
                            }
                        }
                        encoder.encode();
                        for (int t = 0; t < n - s; t++) {
                            for (int r = first; r < last; r++) {
                                ShardLayout.fromWork(work, encoder.shardOffset(t), (r - first) * batching.stride,
                                        secondary[s + t], r * symbolSize, symbolSize);
                            }
                        }
                    });
        }

        void encodeColumnsAndHash() {
            Batching batching = new Batching(n);
            RsParameters code = config.primaryCode();
            Parallel.run(parallelism, batching.count, () -> new ColumnWorker(code, batching), (worker, batch) -> {
                int first = batching.first(batch);
                int last = batching.end(batch);
                ReedSolomonEncoder encoder = worker.encoder;
                byte[] work = encoder.work();
                for (int c = first; c < last; c++) {
                    int element = (c - first) * batching.stride;
                    for (int r = 0; r < p; r++) {
                        ShardLayout.toWork(secondary[c], r * symbolSize, symbolSize, work, encoder.shardOffset(r), element);
                    }
                }
                encoder.encode();
                for (int c = first; c < last; c++) {
                    // Column c's n symbols: rows < p are its secondary sliver; rows >= p are primary
                    // slivers p..n-1 (c < s) or the lower-right block, which is only hashed.
                    for (int r = 0; r < p; r++) {
                        worker.message(r, secondary[c], r * symbolSize, (r * n + c) * H);
                    }
                    for (int t = 0; t < n - p; t++) {
                        int row = p + t;
                        byte[] target = c < s ? primary[row] : worker.lowerRight;
                        int offset = c < s ? c * symbolSize : t * symbolSize;
                        ShardLayout.fromWork(work, encoder.shardOffset(t), (c - first) * batching.stride, target, offset, symbolSize);
                        worker.message(row, target, offset, (row * n + c) * H);
                    }
                    Blake2bBatch.prefixedHashes(LEAF_PREFIX, worker.sources, worker.sourceOffsets, symbolSize, n, leaves,
                            worker.leafOffsets);
                }
            });
        }

        /** Per-thread state of the column phase: the RS encoder and one column's leaf-hash inputs. */
        private final class ColumnWorker {
            final ReedSolomonEncoder encoder;
            final byte[] lowerRight = new byte[(n - p) * symbolSize];
            final byte[][] sources = new byte[n][];
            final int[] sourceOffsets = new int[n];
            final int[] leafOffsets = new int[n];

            ColumnWorker(RsParameters code, Batching batching) {
                this.encoder = new ReedSolomonEncoder(code, batching.shardElements(), engine);
            }

            void message(int row, byte[] source, int offset, int leafOffset) {
                sources[row] = source;
                sourceOffsets[row] = offset;
                leafOffsets[row] = leafOffset;
            }
        }

        EncodedBlob finish() {
            byte[][] primaryRoots = new byte[n][];
            byte[][] secondaryRoots = new byte[n][];
            Parallel.run(parallelism, 2 * n, () -> new byte[n * H], (scratch, tree) -> {
                if (tree < n) {
                    primaryRoots[tree] = MerkleTree.rootOfLeafHashes(leaves, tree * n * H, H, n, scratch);
                } else {
                    int column = tree - n;
                    secondaryRoots[column] = MerkleTree.rootOfLeafHashes(leaves, column * H, n * H, n, scratch);
                }
            });
            List<SliverPairMetadata> hashes = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                hashes.add(new SliverPairMetadata(Node.digest(primaryRoots[k]), Node.digest(secondaryRoots[n - 1 - k])));
            }
            BlobMetadata metadata = new BlobMetadata(EncodingType.RS2, length, hashes);
            BlobId blobId = metadata.computeBlobId();
            List<SliverData> primarySlivers = new ArrayList<>(n);
            List<SliverData> secondarySlivers = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                primarySlivers.add(new SliverData(SliverType.PRIMARY, i, symbolSize, primary[i]));
                secondarySlivers.add(new SliverData(SliverType.SECONDARY, i, symbolSize, secondary[i]));
            }
            return new EncodedBlob(new BlobMetadataWithId(blobId, metadata), primarySlivers, secondarySlivers);
        }

        /** Groups codewords (rows or columns) so each work shard holds about TARGET_SHARD_ELEMENTS elements. */
        private final class Batching {
            final int stride;
            final int perBatch;
            final int count;
            final int total;

            Batching(int total) {
                this.total = total;
                this.stride = Batches.stride(elements);
                this.perBatch = Batches.perBatch(total, stride, parallelism);
                this.count = (total + perBatch - 1) / perBatch;
            }

            int first(int batch) {
                return batch * perBatch;
            }

            int end(int batch) {
                return Math.min(total, (batch + 1) * perBatch);
            }

            int shardElements() {
                return perBatch * stride;
            }
        }
    }

    private static void readFully(InputStream in, byte[] target, int count) throws IOException {
        int done = 0;
        while (done < count) {
            int read = in.read(target, done, count - done);
            if (read < 0) {
                throw new EOFException("blob stream ended after " + done + " of " + count + " bytes of a row");
            }
            done += read;
        }
    }
}
