package io.walrusj.encoder.publish;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.nodeclient.NodeApiException;
import io.walrusj.nodeclient.SignedConfirmation;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a registered blob to the committee and returns a quorum certificate: one task per member
 * (virtual threads, all in parallel) uploads the metadata, then both slivers of every pair on its
 * shards, then fetches and verifies its storage confirmation. The store goes on as soon as a quorum
 * has confirmed; unfinished node tasks continue in the background if the blob's encoded size fits
 * the global background budget (they keep the encoded blob in memory), otherwise they are
 * cancelled; either way they end at their deadline. No quorum within the confirmation timeout, or
 * failures that make one impossible: 504 INSUFFICIENT_CONFIRMATIONS (or
 * {@link EpochChangedException} if members confirmed for a newer epoch).
 */
final class SliverDistributor {
    private static final Logger LOG = LoggerFactory.getLogger(SliverDistributor.class);

    private final NodeApi nodes;
    private final NodeCalls calls;
    private final ExecutorService executor;
    /** MiB of encoded blobs that node tasks still running after their store answered may hold. */
    private final Semaphore backgroundBudget;
    private final PublisherProperties props;
    private final PublisherMetrics metrics;

    SliverDistributor(NodeApi nodes, NodeCalls calls, ExecutorService executor, PublisherProperties props,
            PublisherMetrics metrics) {
        this.nodes = nodes;
        this.calls = calls;
        this.executor = executor;
        this.backgroundBudget = new Semaphore((int) Math.min(Integer.MAX_VALUE, props.backgroundUploadBudget().toMegabytes()));
        this.props = props;
        this.metrics = metrics;
    }

    static DaemonException insufficientConfirmations() {
        return new DaemonException(ErrorStatus.DEADLINE_EXCEEDED, "INSUFFICIENT_CONFIRMATIONS",
                "the service timed-out while waiting for confirmations, please try again");
    }

    Certificate distribute(CommitteeSnapshot committee, EncodedBlob blob, StorageConfirmationMessage expected) {
        QuorumCollector collector = new QuorumCollector(committee.blsCommittee(), expected.toBytes());
        Instant deadline = Instant.now().plus(props.backgroundUploadTimeout());
        List<NodeTask> tasks = new ArrayList<>();
        for (NodeWork work : NodeWork.forBlob(committee, blob.blobId())) {
            if (work.member().baseUri().isEmpty()) {
                collector.reject(work.member().index(), OptionalLong.empty(), work.label() + " has no network address");
                continue;
            }
            NodeTask task = new NodeTask(work, blob, expected, collector, deadline);
            tasks.add(task);
            task.future = executor.submit(task);
        }
        boolean certified = false;
        try {
            Certificate certificate = collector.result().get(props.confirmationTimeout().toMillis(), TimeUnit.MILLISECONDS);
            certified = true;
            return certificate;
        } catch (TimeoutException e) {
            throw failure(collector, collector.newerEpochSeen(), "timed out");
        } catch (ExecutionException e) {
            OptionalLong newer = e.getCause() instanceof QuorumUnreachableException q ? q.newerEpoch() : OptionalLong.empty();
            throw failure(collector, newer, e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(collector, OptionalLong.empty(), "interrupted");
        } finally {
            release(tasks, certified, blob);
        }
    }

    private RuntimeException failure(QuorumCollector collector, OptionalLong newerEpoch, String why) {
        if (newerEpoch.isPresent()) {
            return new EpochChangedException("storage nodes confirmed for epoch " + newerEpoch.getAsLong());
        }
        LOG.warn("no quorum of storage confirmations ({} shards confirmed): {}", collector.confirmedWeight(), why);
        return insufficientConfirmations();
    }

    /** After a certificate, unfinished tasks go on in the background if the budget allows; else, and after a failure, they stop. */
    private void release(List<NodeTask> tasks, boolean certified, EncodedBlob blob) {
        long encoded = new EncodingConfig(blob.nShards()).encodedLength(blob.metadata().metadata().unencodedLength());
        int mebibytes = (int) Math.min(Integer.MAX_VALUE, (encoded + (1 << 20) - 1) >> 20);
        if (!certified || tasks.stream().allMatch(NodeTask::isDone) || !backgroundBudget.tryAcquire(mebibytes)) {
            tasks.forEach(NodeTask::cancel);
            return;
        }
        BackgroundGroup group = new BackgroundGroup(mebibytes);
        tasks.forEach(t -> t.detach(group));
        group.release(); // the store's own reference: the budget returns when the last detached task ends
    }

    /** The detached tasks of one store, sharing one budget reservation. */
    private final class BackgroundGroup {
        private final int mebibytes;
        private final AtomicInteger references = new AtomicInteger(1);

        BackgroundGroup(int mebibytes) {
            this.mebibytes = mebibytes;
        }

        void retain() {
            references.incrementAndGet();
        }

        void release() {
            if (references.decrementAndGet() == 0) {
                backgroundBudget.release(mebibytes);
            }
        }
    }

    /** One member's upload + confirmation. */
    private final class NodeTask implements Runnable {
        private static final int RUNNING = 0;
        private static final int DONE = 1;
        private static final int DETACHED = 2;

        private final NodeWork work;
        private final EncodedBlob blob;
        private final StorageConfirmationMessage expected;
        private final QuorumCollector collector;
        private final Instant deadline;
        private final AtomicInteger state = new AtomicInteger(RUNNING);
        private volatile Future<?> future;
        private volatile BackgroundGroup group;

        NodeTask(NodeWork work, EncodedBlob blob, StorageConfirmationMessage expected, QuorumCollector collector,
                Instant deadline) {
            this.work = work;
            this.blob = blob;
            this.expected = expected;
            this.collector = collector;
            this.deadline = deadline;
        }

        @Override
        public void run() {
            CommitteeSnapshot.Member member = work.member();
            try {
                URI uri = member.baseUri().orElseThrow();
                long start = System.nanoTime();
                calls.upload(member, () -> {
                    checkDeadline();
                    nodes.putMetadata(uri, blob.blobId(), blob.metadata().metadata());
                    return null;
                });
                long metadataDone = System.nanoTime();
                uploadSlivers(uri);
                long sliversDone = System.nanoTime();
                SignedConfirmation confirmation = calls.confirmation(member, () -> {
                    checkDeadline();
                    return nodes.confirmation(uri, blob.blobId(), expected.deletableObjectId());
                });
                if (LOG.isDebugEnabled()) {
                    LOG.debug("blob {} on {}: metadata {} ms, slivers {} ms, confirmation {} ms", blob.blobId(), work.label(),
                            (metadataDone - start) / 1_000_000, (sliversDone - metadataDone) / 1_000_000,
                            (System.nanoTime() - sliversDone) / 1_000_000);
                }
                BlsSignature signature = ConfirmationVerifier.verify(confirmation.serializedMessage(),
                        confirmation.signature(), expected, member.publicKey());
                metrics.confirmation(true);
                collector.accept(member.index(), signature);
            } catch (InvalidConfirmationException e) {
                metrics.confirmation(false);
                LOG.warn("invalid storage confirmation from {}: {}", work.label(), e.getMessage());
                collector.reject(member.index(), e.otherEpoch(), e.getMessage());
            } catch (Exception e) {
                boolean cancelled = Thread.currentThread().isInterrupted() || e instanceof InterruptedException
                        || e instanceof InterruptedIOException;
                if (!cancelled) {
                    metrics.nodeUploadFailure(work.label());
                    LOG.info("storing blob {} on {} failed: {}", blob.blobId(), work.label(), e.toString());
                }
                collector.reject(member.index(), OptionalLong.empty(), work.label() + ": " + e);
            } finally {
                if (!state.compareAndSet(RUNNING, DONE)) {
                    group.release(); // it was running detached
                }
            }
        }

        /** Both slivers of every pair, at most {@code uploads-per-node} at once. */
        private void uploadSlivers(URI uri) throws Exception {
            Semaphore inFlight = new Semaphore(Math.max(1, props.uploadsPerNode()));
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Void>> uploads = new ArrayList<>();
                for (int pair : work.pairs()) {
                    var slivers = blob.pair(pair);
                    for (SliverData sliver : List.of(slivers.primary(), slivers.secondary())) {
                        uploads.add(pool.submit(() -> {
                            inFlight.acquire();
                            try {
                                return calls.upload(work.member(), () -> {
                                    checkDeadline();
                                    putSliver(uri, pair, sliver);
                                    return null;
                                });
                            } finally {
                                inFlight.release();
                            }
                        }));
                    }
                }
                for (Future<Void> upload : uploads) {
                    try {
                        upload.get();
                    } catch (ExecutionException e) {
                        pool.shutdownNow();
                        throw e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
        }

        /** A node that lost track of the metadata (e.g. a pending buffer flushed under it) gets it once more. */
        private void putSliver(URI uri, int pair, SliverData sliver) throws IOException {
            try {
                nodes.putSliver(uri, blob.blobId(), pair, sliver);
            } catch (NodeApiException e) {
                if (!e.hasReason("METADATA_NOT_FOUND")) {
                    throw e;
                }
                nodes.putMetadata(uri, blob.blobId(), blob.metadata().metadata());
                nodes.putSliver(uri, blob.blobId(), pair, sliver);
            }
        }

        /** Not an IOException, so that it is not retried. */
        private void checkDeadline() throws TimeoutException {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("gave up after " + props.backgroundUploadTimeout().toSeconds() + " s");
            }
        }

        boolean isDone() {
            return state.get() != RUNNING;
        }

        void cancel() {
            future.cancel(true);
        }

        /** Lets a running task finish in the background within {@code group}'s reservation. */
        void detach(BackgroundGroup group) {
            this.group = group; // published by the CAS below
            group.retain();
            if (!state.compareAndSet(RUNNING, DETACHED)) {
                group.release(); // finished meanwhile
            }
        }
    }
}
