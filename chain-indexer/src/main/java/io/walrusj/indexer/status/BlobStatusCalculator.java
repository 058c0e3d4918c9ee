package io.walrusj.indexer.status;

import java.util.Collection;
import io.walrusj.chain.rpc.EventId;

/**
 * Computes a blob ID's {@link BlobStatus} from all its Blob objects and the current epoch, with
 * the semantics of a Walrus storage node's {@code BlobInfo::to_blob_status}
 * (docs/spec/walrus-storage-node-api.md 5.3):
 * <ol>
 *   <li>{@code invalid} once an {@code InvalidBlobID} event was seen for the blob ID (final);
 *   <li>{@code permanent}, certified, if a live certified permanent object exists: the largest end
 *       epoch among them and the event that set it;
 *   <li>{@code permanent}, not certified, if a live (registered) permanent object exists;
 *   <li>{@code deletable} if live deletable objects exist;
 *   <li>{@code nonexistent} otherwise.
 * </ol>
 * Live = not deleted and {@code endEpoch > currentEpoch} (expired objects count nowhere).
 * {@code deletableCounts} count live deletable objects (all / certified) and are reported with
 * every variant; {@code initialCertifiedEpoch} is the earliest certified epoch among live
 * certified objects. Among objects with the same largest end epoch the earliest event wins (as in
 * Walrus, where a later event replaces the status event only with a strictly larger end epoch).
 */
public final class BlobStatusCalculator {

    private BlobStatusCalculator() {
    }

    public static BlobStatus compute(Collection<ObjectFacts> objects, EventId invalidEvent, long currentEpoch) {
        int deletableTotal = 0;
        int deletableCertified = 0;
        Long initialCertified = null;
        ObjectFacts bestCertified = null;
        ObjectFacts bestRegistered = null;
        for (ObjectFacts o : objects) {
            if (!o.liveAt(currentEpoch)) {
                continue;
            }
            if (o.certified() && (initialCertified == null || o.certifiedEpoch() < initialCertified)) {
                initialCertified = o.certifiedEpoch();
            }
            if (o.deletable()) {
                deletableTotal++;
                if (o.certified()) {
                    deletableCertified++;
                }
            } else {
                bestRegistered = better(bestRegistered, o);
                if (o.certified()) {
                    bestCertified = better(bestCertified, o);
                }
            }
        }
        int count = objects.size();
        if (invalidEvent != null) {
            return new BlobStatus(BlobStatus.Kind.INVALID, null, null, null, initialCertified, deletableTotal,
                    deletableCertified, invalidEvent, count, currentEpoch);
        }
        ObjectFacts permanent = bestCertified != null ? bestCertified : bestRegistered;
        if (permanent != null) {
            return new BlobStatus(BlobStatus.Kind.PERMANENT, permanent.certified(), permanent.endEpoch(),
                    permanent.lastEvent(), initialCertified, deletableTotal, deletableCertified, null, count, currentEpoch);
        }
        BlobStatus.Kind kind = deletableTotal > 0 ? BlobStatus.Kind.DELETABLE : BlobStatus.Kind.NONEXISTENT;
        return new BlobStatus(kind, null, null, null, initialCertified, deletableTotal, deletableCertified, null,
                count, currentEpoch);
    }

    private static ObjectFacts better(ObjectFacts best, ObjectFacts o) {
        if (best == null || o.endEpoch() > best.endEpoch()
                || (o.endEpoch() == best.endEpoch() && o.lastEventId() < best.lastEventId())) {
            return o;
        }
        return best;
    }
}
