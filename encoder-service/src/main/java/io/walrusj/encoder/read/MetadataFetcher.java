package io.walrusj.encoder.read;

import io.walrusj.chain.committee.CommitteeSnapshot.Member;
import io.walrusj.core.VerificationException;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.nodeclient.NodeApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Verified metadata of a blob (storage-node API 5.1): nodes are asked one at a time in random order
 * (spreading the load; the next one is also asked when an answer is slow) until one returns
 * metadata that names the blob and derives its ID (walrus-encoding 7.6). When nodes holding more
 * than 2f shards say they do not have it, the blob does not exist: 404.
 */
final class MetadataFetcher {
    private final NodeQuery<BlobMetadataWithId> query;
    private final RequestRace.Limits limits;

    MetadataFetcher(NodeQuery<BlobMetadataWithId> query, RequestRace.Limits limits) {
        this.query = query;
        this.limits = limits;
    }

    BlobMetadataWithId fetch(ShardOwners owners, EncodingConfig config, BlobId blobId) {
        List<Member> order = new ArrayList<>(owners.reachableMembers());
        Collections.shuffle(order, ThreadLocalRandom.current());
        int[] notFoundWeight = {0};
        int quorum = 2 * owners.maxFaulty();
        RequestRace.Outcome<Member, BlobMetadataWithId> outcome = RequestRace.run(order, 1, member -> {
            BlobMetadataWithId m = query.ask(member.baseUri().orElseThrow(), blobId);
            if (!m.blobId().equals(blobId)) {
                throw new VerificationException(VerificationException.Reason.BLOB_ID_MISMATCH,
                        "asked for the metadata of " + blobId + ", got that of " + m.blobId());
            }
            m.verify(config);
            return m;
        }, new RequestRace.Listener<>() {
            @Override
            public boolean failed(Member member, Exception error) {
                if (error instanceof NodeApiException e && e.isNotFound()) {
                    notFoundWeight[0] += member.weight();
                }
                return notFoundWeight[0] > quorum;
            }
        }, limits);
        if (!outcome.successes().isEmpty()) {
            return outcome.successes().values().iterator().next();
        }
        if (notFoundWeight[0] > quorum) {
            throw ReadErrors.blobNotFound();
        }
        throw ReadErrors.unavailable("no storage node returned valid metadata for blob " + blobId + " ("
                + outcome.failures().size() + " of " + order.size() + " nodes failed"
                + (outcome.timedOut() ? ", timed out" : "") + ")");
    }
}
