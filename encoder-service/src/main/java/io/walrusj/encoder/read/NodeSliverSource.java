package io.walrusj.encoder.read;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.nodeclient.StorageNodeClient;
import java.io.IOException;
import java.net.URI;

/**
 * Slivers of one blob from the storage nodes: sliver index -> pair index -> shard (rotated by the
 * blob ID, walrus-encoding 5.1) -> the member owning that shard -> {@code GET slivers/{pair}/{type}}.
 */
final class NodeSliverSource implements SliverSource {
    private final StorageNodeClient client;
    private final ShardOwners owners;
    private final EncodingConfig config;
    private final BlobId blobId;
    private final int rotation;

    NodeSliverSource(StorageNodeClient client, ShardOwners owners, EncodingConfig config, BlobId blobId) {
        this.client = client;
        this.owners = owners;
        this.config = config;
        this.blobId = blobId;
        this.rotation = blobId.rotationOffset(config.nShards());
    }

    @Override
    public SliverData fetch(SliverType type, int sliverIndex) throws IOException {
        int pair = config.pairIndex(type, sliverIndex);
        int shard = config.shardForPair(pair, rotation);
        URI node = owners.uriOfShard(shard)
                .orElseThrow(() -> new IOException("no node with a known address owns shard " + shard));
        return client.getSliver(node, blobId, pair, type);
    }
}
