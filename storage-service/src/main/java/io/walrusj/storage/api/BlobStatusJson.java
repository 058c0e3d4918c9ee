package io.walrusj.storage.api;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.BlobInfo.BlobObject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The JSON form of {@code BlobStatus} (section 5.3). */
final class BlobStatusJson {
    private BlobStatusJson() {}

    static Object of(BlobInfo info, long epoch) {
        if (info.invalid()) {
            return Map.of("invalid", Map.of("event", eventJson(info.invalidEvent().orElseThrow())));
        }
        List<BlobObject> live = info.objects().values().stream().filter(o -> o.liveAt(epoch)).toList();
        List<BlobObject> permanent = live.stream().filter(o -> !o.deletable()).toList();
        List<BlobObject> deletable = live.stream().filter(BlobObject::deletable).toList();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("count_deletable_total", deletable.size());
        counts.put("count_deletable_certified", deletable.stream().filter(BlobObject::certified).count());
        OptionalLong initial = live.stream().filter(BlobObject::certified)
                .mapToLong(o -> o.certifiedEpoch().getAsLong()).min();
        Object initialJson = initial.isPresent() ? initial.getAsLong() : null;
        if (!permanent.isEmpty()) {
            List<BlobObject> certified = permanent.stream().filter(BlobObject::certified).toList();
            List<BlobObject> candidates = certified.isEmpty() ? permanent : certified;
            BlobObject best = candidates.stream().max(Comparator.comparingLong(BlobObject::endEpoch)).orElseThrow();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("endEpoch", best.endEpoch());
            p.put("isCertified", best.certified());
            p.put("statusEvent", eventJson(best.event()));
            p.put("deletableCounts", counts);
            p.put("initialCertifiedEpoch", initialJson);
            return Map.of("permanent", p);
        }
        if (!deletable.isEmpty()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("initialCertifiedEpoch", initialJson);
            d.put("deletableCounts", counts);
            return Map.of("deletable", d);
        }
        return "nonexistent";
    }

    static Map<String, Object> eventJson(EventId id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("txDigest", id.txDigest());
        m.put("eventSeq", Long.toUnsignedString(id.eventSeq()));
        return m;
    }
}
