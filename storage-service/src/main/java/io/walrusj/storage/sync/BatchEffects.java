package io.walrusj.storage.sync;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.BlobInfo.BlobObject;
import io.walrusj.storage.store.SliverStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What a batch of Walrus events does to the node: the blob infos to commit (with the cursor, by
 * {@link ChainSync}), the listener calls to make after the commit, and the highest epoch of an
 * epoch-change event. Applying the same events again gives the same blob infos (re-registering,
 * re-certifying, deleting or invalidating twice is a no-op), which the cursor migration relies on.
 */
final class BatchEffects {
    final Map<BlobId, BlobInfo> changed = new LinkedHashMap<>();
    final List<Consumer<ChainListener>> notifications = new ArrayList<>();
    long epochSeen = -1;

    private final SliverStore store;

    private BatchEffects(SliverStore store) {
        this.store = store;
    }

    static BatchEffects of(List<WalrusEventEnvelope> events, SliverStore store) {
        BatchEffects fx = new BatchEffects(store);
        events.forEach(fx::apply);
        return fx;
    }

    private void apply(WalrusEventEnvelope env) {
        switch (env.event()) {
            case WalrusEvent.BlobRegistered e -> {
                update(e.blobId(), info -> info.withObject(e.objectId(),
                        new BlobObject(e.deletable(), e.endEpoch(), OptionalLong.empty(), env.id())));
                notifications.add(l -> l.blobRegistered(e.blobId()));
            }
            case WalrusEvent.BlobCertified e -> {
                update(e.blobId(), info -> {
                    BlobObject old = info.objects().get(e.objectId());
                    OptionalLong certified = old != null && old.certified() ? old.certifiedEpoch() : OptionalLong.of(e.epoch());
                    return info.withObject(e.objectId(), new BlobObject(e.deletable(), e.endEpoch(), certified, env.id()));
                });
                notifications.add(l -> l.blobCertified(e.blobId()));
            }
            case WalrusEvent.BlobDeleted e -> {
                update(e.blobId(), info -> info.withoutObject(e.objectId()));
                notifications.add(l -> l.blobDeleted(e.blobId()));
            }
            case WalrusEvent.InvalidBlobId e -> {
                update(e.blobId(), info -> info.withInvalid(env.id()));
                notifications.add(l -> l.blobInvalid(e.blobId()));
            }
            case WalrusEvent.EpochChangeStart e -> epochSeen = Math.max(epochSeen, e.epoch());
            case WalrusEvent.EpochChangeDone e -> epochSeen = Math.max(epochSeen, e.epoch());
            default -> {
                // other events (prices, deny lists, pools, upgrades) do not change blob state here
            }
        }
    }

    private void update(BlobId id, UnaryOperator<BlobInfo> f) {
        BlobInfo current = changed.computeIfAbsent(id, k -> store.getBlobInfo(k).orElse(BlobInfo.EMPTY));
        changed.put(id, f.apply(current));
    }
}
