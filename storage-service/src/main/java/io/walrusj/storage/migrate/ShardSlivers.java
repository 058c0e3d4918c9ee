package io.walrusj.storage.migrate;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One page of a shard's slivers for {@code sync_shard} (docs/spec/walrus-storage-node-api.md 6.4): the blobs
 * certified before {@code epoch} (and not invalid, not expired), in blob-id byte order from
 * {@code start} inclusive, each with its stored sliver of the requested axis for the shard's pair
 * of that blob; blobs whose sliver is not stored here are skipped. At most {@code count} entries.
 */
public final class ShardSlivers {
    /** A blob and its sliver, one entry of {@code SyncShardResponse::V1}. */
    public record Entry(BlobId blobId, SliverData sliver) {
    }

    private ShardSlivers() {
    }

    public static List<Entry> page(SliverStore store, EncodingConfig config, long epoch, int shard, SliverType type,
            BlobId start, long count) {
        List<Entry> out = new ArrayList<>();
        if (count <= 0) {
            return out;
        }
        store.forEachBlobInfoFrom(start, (id, info) -> {
            if (certifiedBefore(info, epoch)) {
                int pair = config.pairForShard(shard, id.rotationOffset(config.nShards()));
                Optional<SliverData> sliver = store.getSliver(id, pair, type);
                sliver.ifPresent(s -> out.add(new Entry(id, s)));
            }
            return out.size() < count;
        });
        return out;
    }

    /** BCS {@code SyncShardResponse::V1(Vec<(BlobId, Sliver)>)}: variant 0, then (32-byte id, tagged sliver) pairs. */
    public static byte[] responseBcs(List<Entry> entries) {
        return BcsWriter.encode(w -> {
            w.variant(0);
            w.sequence(entries, (ww, e) -> {
                ww.fixedBytes(e.blobId().bytes());
                e.sliver().writeBcsTagged(ww);
            });
        });
    }

    private static boolean certifiedBefore(BlobInfo info, long epoch) {
        return !info.invalid() && info.objects().values().stream().anyMatch(o -> o.liveAt(epoch)
                && o.certifiedEpoch().isPresent() && o.certifiedEpoch().getAsLong() < epoch);
    }
}
