package io.walrusj.encoder.publish;

import io.walrusj.nodeclient.NodeBlobStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Combines the nodes' answers to {@code GET /v1/blobs/{id}/status} like the Rust SDK's
 * {@code get_verified_blob_status} (storage-node-api 5.3): the distinct statuses sorted from
 * "largest" to "smallest", and the first one reported by more than f shards wins. Order:
 * nonexistent < deletable < permanent < invalid; deletable by (counts, earlier initial
 * certification); permanent by (certified, end epoch, counts, earlier initial certification);
 * counts by (certified, total).
 */
final class BlobStatusVote {
    static final Comparator<NodeBlobStatus> ORDER = BlobStatusVote::compare;

    private BlobStatusVote() {}

    /** The status reported by more than {@code maxFaulty} shards, taking the largest first; empty if none. */
    static Optional<NodeBlobStatus> decide(Map<NodeBlobStatus, Integer> weightByStatus, int maxFaulty) {
        List<NodeBlobStatus> largestFirst = weightByStatus.keySet().stream().sorted(ORDER.reversed()).toList();
        return largestFirst.stream().filter(s -> weightByStatus.get(s) > maxFaulty).findFirst();
    }

    private static int compare(NodeBlobStatus a, NodeBlobStatus b) {
        if (a.rank() != b.rank()) {
            return Integer.compare(a.rank(), b.rank());
        }
        return switch (a) {
            case NodeBlobStatus.Deletable d when b instanceof NodeBlobStatus.Deletable e -> {
                int c = compareCounts(d.counts(), e.counts());
                yield c != 0 ? c : compareEarlier(d.initialCertifiedEpoch(), e.initialCertifiedEpoch());
            }
            case NodeBlobStatus.Permanent p when b instanceof NodeBlobStatus.Permanent q -> {
                int c = Boolean.compare(p.certified(), q.certified());
                if (c == 0) {
                    c = Long.compare(p.endEpoch(), q.endEpoch());
                }
                if (c == 0) {
                    c = compareCounts(p.counts(), q.counts());
                }
                yield c != 0 ? c : compareEarlier(p.initialCertifiedEpoch(), q.initialCertifiedEpoch());
            }
            default -> 0;
        };
    }

    private static int compareCounts(NodeBlobStatus.DeletableCounts a, NodeBlobStatus.DeletableCounts b) {
        int c = Long.compare(a.certified(), b.certified());
        return c != 0 ? c : Long.compare(a.total(), b.total());
    }

    /** An initial certification is more than none, and an earlier one more than a later one. */
    private static int compareEarlier(OptionalLong a, OptionalLong b) {
        if (a.isPresent() != b.isPresent()) {
            return a.isPresent() ? 1 : -1;
        }
        return a.isPresent() ? Long.compare(b.getAsLong(), a.getAsLong()) : 0;
    }
}
