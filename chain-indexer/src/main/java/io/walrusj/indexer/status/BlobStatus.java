package io.walrusj.indexer.status;

import io.walrusj.chain.rpc.EventId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Walrus {@code BlobStatus} of a blob ID as of {@code epoch} (docs/spec/walrus-storage-node-api.md 5.3),
 * plus what the indexer keeps beside it.
 *
 * @param kind which variant
 * @param certified permanent only: whether the status comes from a certified object
 * @param endEpoch permanent only: the largest end epoch of the live permanent objects (exclusive)
 * @param statusEvent permanent only: the event that set {@code endEpoch}
 * @param initialCertifiedEpoch the earliest certified epoch among live certified objects, or null
 * @param countDeletableTotal live (unexpired, undeleted) deletable objects
 * @param countDeletableCertified of which certified
 * @param invalidEvent the first {@code InvalidBlobID} event of the blob ID, or null
 * @param objectCount every Blob object ever registered with this blob ID
 * @param epoch the current epoch the status was computed for
 */
public record BlobStatus(Kind kind, Boolean certified, Long endEpoch, EventId statusEvent, Long initialCertifiedEpoch,
        int countDeletableTotal, int countDeletableCertified, EventId invalidEvent, int objectCount, long epoch) {

    /** The variants, in Walrus's order from "smallest" to "largest". */
    public enum Kind {
        NONEXISTENT, DELETABLE, PERMANENT, INVALID;

        /** The camelCase name Walrus uses as the JSON tag. */
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Kind fromWire(String wire) {
            return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public BlobStatus {
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * Walrus's JSON: the string {@code "nonexistent"}, or an object with one member named after
     * the variant ({@code invalid}, {@code permanent}, {@code deletable}), camelCase fields, the
     * {@code deletableCounts} keys in snake_case and event IDs as {@code {"txDigest","eventSeq"}}.
     */
    public Object toWalrusJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (kind) {
            case NONEXISTENT -> {
                return "nonexistent";
            }
            case INVALID -> body.put("event", eventJson(invalidEvent));
            case PERMANENT -> {
                body.put("endEpoch", endEpoch);
                body.put("isCertified", certified);
                body.put("statusEvent", eventJson(statusEvent));
                body.put("deletableCounts", deletableCounts());
                body.put("initialCertifiedEpoch", initialCertifiedEpoch);
            }
            case DELETABLE -> {
                body.put("initialCertifiedEpoch", initialCertifiedEpoch);
                body.put("deletableCounts", deletableCounts());
            }
        }
        return Map.of(kind.wire(), body);
    }

    private Map<String, Object> deletableCounts() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("count_deletable_total", countDeletableTotal);
        counts.put("count_deletable_certified", countDeletableCertified);
        return counts;
    }

    /** Sui's EventID JSON: {@code {"txDigest": <base58>, "eventSeq": "<u64>"}}. */
    public static Map<String, Object> eventJson(EventId id) {
        if (id == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("txDigest", id.txDigest());
        m.put("eventSeq", Long.toUnsignedString(id.eventSeq()));
        return m;
    }
}
