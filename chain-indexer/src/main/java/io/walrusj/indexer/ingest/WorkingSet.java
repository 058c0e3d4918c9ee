package io.walrusj.indexer.ingest;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.store.BlobObjectRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Blob objects of every blob ID a batch touches (all of them, so statuses can be recomputed
 * in memory), the blob IDs' invalidation events, and what changed.
 */
final class WorkingSet {

    private final Map<String, ObjectState> objects = new HashMap<>();
    private final Map<String, List<ObjectState>> byBlob = new HashMap<>();
    private final Map<String, EventId> invalidEvents;
    private final Set<String> dirtyObjects = new LinkedHashSet<>();
    private final Map<String, Long> changedBlobs = new LinkedHashMap<>();

    WorkingSet(Collection<BlobObjectRow> rows, Map<String, EventId> invalidEvents) {
        this.invalidEvents = new HashMap<>(invalidEvents);
        rows.forEach(r -> add(ObjectState.of(r)));
    }

    private void add(ObjectState s) {
        objects.put(s.objectId, s);
        byBlob.computeIfAbsent(s.blobId, b -> new ArrayList<>()).add(s);
    }

    /** The object, or a new one (registration not seen before, or a fresh registration). */
    ObjectState object(String objectId, String blobId) {
        ObjectState s = objects.get(objectId);
        if (s == null) {
            s = new ObjectState(objectId, blobId);
            add(s);
        }
        return s;
    }

    List<ObjectState> objectsOf(String blobId) {
        return byBlob.getOrDefault(blobId, List.of());
    }

    EventId invalidEvent(String blobId) {
        return invalidEvents.get(blobId);
    }

    /** Records the first {@code InvalidBlobID} of a blob ID; later ones change nothing. */
    void invalidate(String blobId, EventId event) {
        invalidEvents.putIfAbsent(blobId, event);
    }

    /** {@code s} changed by event {@code eventId}: write it, and recompute its blob's status. */
    void changed(ObjectState s, long eventId) {
        dirtyObjects.add(s.objectId);
        changedBlobs.put(s.blobId, eventId);
    }

    /** The blob ID's status may have changed by event {@code eventId} although no object did. */
    void blobChanged(String blobId, long eventId) {
        changedBlobs.put(blobId, eventId);
    }

    List<BlobObjectRow> dirtyRows() {
        List<BlobObjectRow> rows = new ArrayList<>(dirtyObjects.size());
        dirtyObjects.forEach(id -> rows.add(objects.get(id).toRow()));
        return rows;
    }

    /** Blob ID -> the last event of this batch that changed it. */
    Map<String, Long> changedBlobs() {
        return changedBlobs;
    }
}
