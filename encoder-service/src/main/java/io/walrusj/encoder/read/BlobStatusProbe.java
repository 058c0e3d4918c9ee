package io.walrusj.encoder.read;

import io.walrusj.chain.committee.CommitteeSnapshot.Member;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.nodeclient.NodeBlobStatus;
import java.time.Duration;

/**
 * Is the blob certified? Every node is asked for its status (storage-node API 5.3) at once. The
 * first node reporting a certified Blob object ends the probe: reading may go on (a liar can only
 * make us read an uncertified blob, not serve wrong bytes; an invalidated blob reported later is
 * not waited for, its inconsistency is what the decoding checks catch). Once nodes of more than f
 * shards (so at least one honest one) answered without a certified object, the blob is
 * {@link Verdict#REGISTERED} if some node knows a Blob object for it, else
 * {@link Verdict#NOT_FOUND} (also when more than f say invalid). Fewer answers are
 * {@link Verdict#UNKNOWN}: the read goes on and the metadata decides.
 *
 * <p>{@link #await} gives a registered blob a grace period: right after a store, nodes may not
 * have seen the certification event yet.
 */
final class BlobStatusProbe {
    enum Verdict { CERTIFIED, REGISTERED, NOT_FOUND, UNKNOWN }

    private final NodeQuery<NodeBlobStatus> query;
    private final Duration timeout;

    BlobStatusProbe(NodeQuery<NodeBlobStatus> query, Duration timeout) {
        this.query = query;
        this.timeout = timeout;
    }

    /** Probes until the blob is certified, known not to exist, inconclusive, or {@code grace} has passed. */
    Verdict await(ShardOwners owners, BlobId blobId, Duration grace, Duration pollInterval) {
        long deadline = System.nanoTime() + grace.toNanos();
        Verdict v = probe(owners, blobId);
        while (v == Verdict.REGISTERED && System.nanoTime() < deadline) {
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return v;
            }
            v = probe(owners, blobId);
        }
        return v;
    }

    Verdict probe(ShardOwners owners, BlobId blobId) {
        var members = owners.reachableMembers();
        int f = owners.maxFaulty();
        int[] answered = {0};
        int[] invalid = {0};
        boolean[] registered = {false};
        boolean[] certified = {false};
        RequestRace.run(members, members.size(), m -> query.ask(m.baseUri().orElseThrow(), blobId),
                new RequestRace.Listener<Member, NodeBlobStatus>() {
                    @Override
                    public boolean succeeded(Member member, NodeBlobStatus status) {
                        answered[0] += member.weight();
                        if (status instanceof NodeBlobStatus.Invalid) {
                            invalid[0] += member.weight();
                            return invalid[0] > f;
                        }
                        registered[0] |= !(status instanceof NodeBlobStatus.Nonexistent);
                        certified[0] = isCertified(status);
                        // Stop early on a certified answer, or when the others could not outvote 2f + 1.
                        return certified[0] || answered[0] > 2 * f;
                    }
                }, new RequestRace.Limits(Math.max(1, members.size()), timeout, timeout));
        if (certified[0] && invalid[0] <= f) {
            return Verdict.CERTIFIED;
        }
        if (invalid[0] > f) {
            return Verdict.NOT_FOUND;
        }
        if (answered[0] > f) {
            return registered[0] ? Verdict.REGISTERED : Verdict.NOT_FOUND;
        }
        return Verdict.UNKNOWN;
    }

    /** Some Blob object of this blob (permanent or deletable) is certified. */
    static boolean isCertified(NodeBlobStatus status) {
        return switch (status) {
            case NodeBlobStatus.Permanent p -> p.certified() || p.initialCertifiedEpoch().isPresent() || p.counts().certified() > 0;
            case NodeBlobStatus.Deletable d -> d.initialCertifiedEpoch().isPresent() || d.counts().certified() > 0;
            case NodeBlobStatus.Invalid i -> false;
            case NodeBlobStatus.Nonexistent n -> false;
        };
    }
}
