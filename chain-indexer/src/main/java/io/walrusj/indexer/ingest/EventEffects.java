package io.walrusj.indexer.ingest;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.store.EpochDao;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each event type does: blob events change Blob objects in the {@link WorkingSet}
 * ({@code BlobRegistered} creates one owned by the transaction's sender, {@code BlobCertified}
 * certifies or, with {@code is_extension}, moves the end epoch, {@code BlobDeleted} marks it
 * deleted, {@code InvalidBlobID} marks every object of the blob ID invalid and the blob ID itself
 * invalid for good); epoch events go to {@code epochs} and {@code committee_members}; all other
 * events only enter the event log.
 */
final class EventEffects {

    private final EpochDao epochs;

    EventEffects(EpochDao epochs) {
        this.epochs = epochs;
    }

    /**
     * Applies event {@code e} (log position {@code id}) to the working set, or for epoch events
     * directly to the database; {@code committees} (by epoch) are stored at the EpochChangeStart
     * they were read for and removed from the map.
     */
    void apply(WorkingSet ws, WalrusEventEnvelope e, long id, Map<Long, Committee> committees) {
        EventId ref = e.id();
        switch (e.event()) {
            case WalrusEvent.BlobRegistered r -> {
                String blob = r.blobId().toString();
                ObjectState s = ws.object(r.objectId().toString(), blob);
                s.owner = e.sender().toString();
                s.registeredEpoch = r.epoch();
                s.certifiedEpoch = null;
                s.endEpoch = r.endEpoch();
                s.deletable = r.deletable();
                s.size = r.size();
                s.encodingType = r.encodingType();
                s.deleted = false;
                s.invalid = ws.invalidEvent(blob) != null;
                s.registeredEventId = id;
                s.touched(id, ref);
                ws.changed(s, id);
            }
            case WalrusEvent.BlobCertified c -> {
                ObjectState s = ws.object(c.objectId().toString(), c.blobId().toString());
                if (!c.isExtension() || s.certifiedEpoch == null) {
                    s.certifiedEpoch = c.epoch();
                }
                s.endEpoch = c.endEpoch();
                s.deletable = c.deletable();
                s.touched(id, ref);
                ws.changed(s, id);
            }
            case WalrusEvent.BlobDeleted d -> {
                ObjectState s = ws.object(d.objectId().toString(), d.blobId().toString());
                if (s.lastEvent == null) {
                    s.endEpoch = d.endEpoch();
                    s.deletable = true;
                    s.certifiedEpoch = d.wasCertified() ? d.epoch() : null;
                }
                s.deleted = true;
                s.touched(id, ref);
                ws.changed(s, id);
            }
            case WalrusEvent.InvalidBlobId i -> {
                String blob = i.blobId().toString();
                ws.invalidate(blob, ref);
                for (ObjectState s : ws.objectsOf(blob)) {
                    s.invalid = true;
                    s.touched(id, ref);
                    ws.changed(s, id);
                }
                ws.blobChanged(blob, id);
            }
            case WalrusEvent.EpochChangeStart s -> {
                epochs.started(s.epoch(), id, ref, timestamp(e));
                for (long epoch : new long[] {s.epoch() - 1, s.epoch()}) {
                    Committee c = committees.remove(epoch);
                    if (c != null) {
                        storeCommittee(epoch, c);
                    }
                }
            }
            case WalrusEvent.EpochChangeDone d -> epochs.done(d.epoch(), id, timestamp(e));
            case WalrusEvent.EpochParametersSelected p -> epochs.nextParamsSelected(p.nextEpoch() - 1, id);
            case WalrusEvent.ShardsReceived r -> epochs.shardsReceived(r.epoch(), r.shards(), id);
            default -> {
                // Only in the event log.
            }
        }
    }

    void storeCommittee(long epoch, Committee committee) {
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        committee.shardsByNode().forEach((node, shards) -> members.put(node.toString(), shards));
        epochs.committee(epoch, members);
    }

    private static Long timestamp(WalrusEventEnvelope e) {
        return e.timestampMs().isPresent() ? e.timestampMs().getAsLong() : null;
    }
}
