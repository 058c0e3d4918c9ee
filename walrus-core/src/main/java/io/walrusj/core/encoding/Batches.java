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
}
