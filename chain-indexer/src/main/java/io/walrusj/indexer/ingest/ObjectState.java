package io.walrusj.indexer.ingest;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.status.ObjectFacts;
import io.walrusj.indexer.store.BlobObjectRow;

/** A Blob object being changed by a batch (mutable copy of its row). */
final class ObjectState {

    final String objectId;
    final String blobId;
    String owner;
    Long registeredEpoch;
    Long certifiedEpoch;
    long endEpoch;
    boolean deletable;
    Long size;
    Integer encodingType;
    boolean deleted;
    boolean invalid;
    Long registeredEventId;
    long lastEventId;
    EventId lastEvent;

    ObjectState(String objectId, String blobId) {
        this.objectId = objectId;
        this.blobId = blobId;
    }

    static ObjectState of(BlobObjectRow r) {
        ObjectState s = new ObjectState(r.objectId(), r.blobId());
        s.owner = r.owner();
        s.registeredEpoch = r.registeredEpoch();
        s.certifiedEpoch = r.certifiedEpoch();
        s.endEpoch = r.endEpoch();
        s.deletable = r.deletable();
        s.size = r.size();
        s.encodingType = r.encodingType();
        s.deleted = r.deleted();
        s.invalid = r.invalid();
        s.registeredEventId = r.registeredEventId();
        s.lastEventId = r.lastEventId();
        s.lastEvent = new EventId(r.lastTxDigest(), r.lastEventSeq());
        return s;
    }

    void touched(long eventId, EventId event) {
        lastEventId = eventId;
        lastEvent = event;
    }

    BlobObjectRow toRow() {
        return new BlobObjectRow(objectId, blobId, owner, registeredEpoch, certifiedEpoch, endEpoch, deletable, size,
                encodingType, deleted, invalid, registeredEventId, lastEventId, lastEvent.txDigest(),
                lastEvent.eventSeq());
    }

    ObjectFacts facts() {
        return new ObjectFacts(deletable, deleted, certifiedEpoch, endEpoch, lastEvent, lastEventId);
    }
}
