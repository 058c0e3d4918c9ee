package io.walrusj.encoder.publish;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.nodeclient.NodeBlobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committee's verified view of a blob's status: every member is asked at once; the answers
 * are combined ({@link BlobStatusVote}) as soon as members holding more than 2f shards answered (or
 * all members finished, or the status timeout passed). Fewer answers give no verdict, and the
 * store goes ahead as for a new blob.
 */
final class BlobStatusCheck {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStatusCheck.class);

    private final NodeApi nodes;
    private final NodeCalls calls;
    private final ExecutorService executor;
    private final Duration timeout;

    BlobStatusCheck(NodeApi nodes, NodeCalls calls, ExecutorService executor, Duration timeout) {
        this.nodes = nodes;
        this.calls = calls;
        this.executor = executor;
        this.timeout = timeout;
    }

    Optional<NodeBlobStatus> verifiedStatus(CommitteeSnapshot committee, BlobId blobId) {
        Answers answers = new Answers(committee);
        List<Future<?>> probes = new ArrayList<>();
        for (CommitteeSnapshot.Member member : committee.members()) {
            if (member.weight() == 0 || member.baseUri().isEmpty()) {
                answers.failed(member);
                continue;
            }
            probes.add(executor.submit(() -> {
                try {
                    answers.answered(member, calls.once(member, () -> nodes.blobStatus(member.baseUri().get(), blobId)));
                } catch (Exception e) {
                    answers.failed(member);
                }
            }));
        }
        try {
            answers.enough.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // decide with what arrived
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            probes.forEach(p -> p.cancel(true));
        }
        Optional<NodeBlobStatus> status = answers.decide();
        LOG.debug("status of blob {}: {}", blobId, status);
        return status;
    }

    /** Answers so far, by status, with the weight (shards) that reported each. */
    private static final class Answers {
        private final int nShards;
        private final int maxFaulty;
        private final Map<NodeBlobStatus, Integer> weightByStatus = new HashMap<>();
        private final CompletableFuture<Void> enough = new CompletableFuture<>();
        private int answeredWeight;
        private int finishedWeight;

        Answers(CommitteeSnapshot committee) {
            this.nShards = committee.nShards();
            this.maxFaulty = committee.maxFaulty();
        }

        synchronized void answered(CommitteeSnapshot.Member member, NodeBlobStatus status) {
            weightByStatus.merge(status, member.weight(), Integer::sum);
            answeredWeight += member.weight();
            finished(member);
        }

        synchronized void failed(CommitteeSnapshot.Member member) {
            finished(member);
        }

        private void finished(CommitteeSnapshot.Member member) {
            finishedWeight += member.weight();
            if (answeredWeight > 2 * maxFaulty || finishedWeight >= nShards) {
                enough.complete(null);
            }
        }

        synchronized Optional<NodeBlobStatus> decide() {
            return answeredWeight > 2 * maxFaulty ? BlobStatusVote.decide(Map.copyOf(weightByStatus), maxFaulty)
                    : Optional.empty();
        }
    }
}
