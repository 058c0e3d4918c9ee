package io.walrusj.storage.store;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What this node knows about one blob ID from the chain's events: every live {@code Blob} object
 * registered for it (deleted objects are dropped) and whether the ID was declared invalid.
 * Stored as BCS (our own layout, versioned by a leading variant byte).
 *
 * @param invalidEvent the {@code InvalidBlobID} event, if one was seen
 * @param objects live Blob objects by object id (sorted by id, so the encoding is deterministic)
 */
public record BlobInfo(Optional<EventId> invalidEvent, Map<SuiAddress, BlobObject> objects) {

    public static final BlobInfo EMPTY = new BlobInfo(Optional.empty(), Map.of());

    public BlobInfo {
        objects = java.util.Collections.unmodifiableMap(new TreeMap<>(objects));
    }

    /**
     * One Blob object.
     *
     * @param deletable whether the object is deletable
     * @param endEpoch exclusive end epoch of its storage
     * @param certifiedEpoch the epoch it was first certified in, if certified
     * @param event the last event that changed it (the status event)
     */
    public record BlobObject(boolean deletable, long endEpoch, OptionalLong certifiedEpoch, EventId event) {
        public boolean certified() {
            return certifiedEpoch.isPresent();
        }

        public boolean liveAt(long epoch) {
            return endEpoch > epoch;
        }
    }

    public boolean invalid() {
        return invalidEvent.isPresent();
    }

    /** Registered = some live Blob object whose storage covers {@code epoch}. */
    public boolean registeredAt(long epoch) {
        return objects.values().stream().anyMatch(o -> o.liveAt(epoch));
    }

    public BlobInfo withObject(SuiAddress id, BlobObject object) {
        Map<SuiAddress, BlobObject> m = new TreeMap<>(objects);
        m.put(id, object);
        return new BlobInfo(invalidEvent, m);
    }

    public BlobInfo withoutObject(SuiAddress id) {
        Map<SuiAddress, BlobObject> m = new TreeMap<>(objects);
        m.remove(id);
        return new BlobInfo(invalidEvent, m);
    }

    public BlobInfo withInvalid(EventId event) {
        return new BlobInfo(invalidEvent.or(() -> Optional.of(event)), objects);
    }

    public byte[] toBcs() {
        return BcsWriter.encode(w -> {
            w.variant(0);
            w.option(invalidEvent.orElse(null), BlobInfo::writeEventId);
            w.uleb128(objects.size());
            objects.forEach((id, o) -> {
                id.writeBcs(w);
                w.bool(o.deletable()).u32(o.endEpoch());
                w.option(o.certifiedEpoch().isPresent() ? o.certifiedEpoch().getAsLong() : null, (ww, e) -> ww.u32(e));
                writeEventId(w, o.event());
            });
        });
    }

    public static BlobInfo fromBcs(byte[] bytes) {
        return BcsReader.decode(bytes, r -> {
            r.variant("BlobInfo", 1);
            Optional<EventId> invalid = r.option(BlobInfo::readEventId);
            int n = r.uleb128AsInt();
            Map<SuiAddress, BlobObject> objects = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                SuiAddress id = SuiAddress.read(r);
                boolean deletable = r.bool();
                long end = r.u32();
                Optional<Long> certified = r.option(BcsReader::u32);
                EventId event = readEventId(r);
                objects.put(id, new BlobObject(deletable, end,
                        certified.map(OptionalLong::of).orElse(OptionalLong.empty()), event));
            }
            return new BlobInfo(invalid, objects);
        });
    }

    static void writeEventId(BcsWriter w, EventId id) {
        w.string(id.txDigest()).u64(id.eventSeq());
    }

    static EventId readEventId(BcsReader r) {
        return new EventId(r.string(), r.u64());
    }
}
