package io.walrusj.core.encoding;

import io.walrusj.core.merkle.MerkleTree;
import io.walrusj.core.merkle.Node;
import io.walrusj.core.rs.ReedSolomonEncoder;
import io.walrusj.core.rs.ShardEngine;
import io.walrusj.core.rs.ShardLayout;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;

/**
 * Expands single slivers to all n symbols of their row or column (the orthogonal encoding), for
 * verification and for serving recovery symbols. Keeps one encoder per axis; not thread-safe.
 */
public final class SliverExpander {
    private final EncodingConfig config;
    private final int symbolSize;
    private final ReedSolomonEncoder[] encoders = new ReedSolomonEncoder[2];

    public SliverExpander(EncodingConfig config, int symbolSize) {
        this.config = config;
        this.symbolSize = symbolSize;
    }

    /** The n symbols (n * symbolSize bytes) of the expanded sliver: its own symbols then the recovery symbols. */
    public byte[] expand(SliverData sliver) {
        requireShape(sliver);
        int n = config.nShards();
        int k = sliver.symbolCount();
        byte[] out = new byte[n * symbolSize];
        System.arraycopy(sliver.data(), 0, out, 0, sliver.data().length);
        ReedSolomonEncoder encoder = encoder(sliver.type());
        byte[] work = encoder.work();
        for (int i = 0; i < k; i++) {
            ShardLayout.toWork(sliver.data(), i * symbolSize, symbolSize, work, encoder.shardOffset(i), 0);
        }
        encoder.encode();
        for (int t = 0; t < n - k; t++) {
            ShardLayout.fromWork(work, encoder.shardOffset(t), 0, out, (k + t) * symbolSize, symbolSize);
        }
        return out;
    }

    /** The Merkle tree over the expanded sliver's n symbols; its root is the sliver hash. */
    public MerkleTree merkleTree(SliverData sliver) {
        return MerkleTree.build(expand(sliver), 0, symbolSize, config.nShards());
    }

    public Node root(SliverData sliver) {
        return merkleTree(sliver).root();
    }

    private void requireShape(SliverData sliver) {
        int expected = config.symbolsPerSliver(sliver.type());
        if (sliver.symbolSize() != symbolSize || sliver.symbolCount() != expected || (symbolSize & 1) != 0) {
            throw new IllegalArgumentException(sliver + " does not have " + expected + " symbols of " + symbolSize + " bytes");
        }
    }

    private ReedSolomonEncoder encoder(SliverType type) {
        int slot = type.ordinal();
        if (encoders[slot] == null) {
            encoders[slot] = new ReedSolomonEncoder(config.expansionCode(type), symbolSize / 2, ShardEngine.best());
        }
        return encoders[slot];
    }
}
