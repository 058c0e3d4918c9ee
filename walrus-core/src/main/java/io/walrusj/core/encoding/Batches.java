package io.walrusj.core.encoding;

/** How symbols are packed into batched work shards. */
final class Batches {
    private Batches() {}

    /**
     * Elements reserved per symbol in a batched shard. Symbols of at least one 64-byte chunk start
     * on a chunk boundary (copied with array copies); tiny symbols are packed densely so an n = 1000
     * blob of a few KiB does not run 32x more field arithmetic than it needs.
     */
    static int stride(int elements) {
        return elements >= 32 ? (elements + 31) & ~31 : elements;
    }

    /**
     * Codewords per batch: enough for about {@code TARGET_SHARD_ELEMENTS} elements per work shard
     * (a ~2 MiB work buffer), but never so many that there are fewer batches than threads.
     */
    static int perBatch(int codewords, int stride, int parallelism) {
        int bySize = Math.max(1, TARGET_SHARD_ELEMENTS / stride);
        int byThreads = Math.max(1, (codewords + parallelism - 1) / parallelism);
        return Math.min(Math.min(bySize, byThreads), codewords);
    }

    /** Elements per batched work shard: about 2 KiB, so a 1024-shard work buffer stays near 2 MiB. */
    static final int TARGET_SHARD_ELEMENTS = 1024;
}
