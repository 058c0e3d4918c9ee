package io.walrusj.storage.invalid;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.devnet.TransactionRejectedException;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.storage.heal.HealSettings;
import io.walrusj.storage.heal.InconsistentBlobHandler;
import io.walrusj.storage.heal.PeerResolver;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.sync.SigningCommittee;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a blob proven inconsistent (docs/spec/walrus-chain.md 7.5): an {@code INVALID_BLOB_ID}
 * certificate over the current epoch ({@link InvalidBlobCertifier}) handed to the
 * {@link InvalidationSubmitter} (devnet transaction or log). Runs on the blob-sync thread that found
 * the proof; too little weight (members unreachable, committee keys unknown) or a transport failure is
 * retried with the blob-sync backoff up to its attempt limit, after which the next scan (start,
 * epoch change) tries again; a rejection by the chain is final.
 */
public final class BlobInvalidator implements InconsistentBlobHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BlobInvalidator.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final NodeState state;
    private final PeerResolver peers;
    private final InvalidBlobCertifier certifier;
    private final InvalidationSubmitter submitter;
    private final HealSettings retries;
    private final Counter submitted;
    private final Counter logged;
    private final Counter rejected;
    private final Counter failed;

    public BlobInvalidator(NodeState state, PeerResolver peers, InvalidBlobCertifier certifier,
            InvalidationSubmitter submitter, HealSettings retries, MeterRegistry registry) {
        this.state = state;
        this.peers = peers;
        this.certifier = certifier;
        this.submitter = submitter;
        this.retries = retries;
        submitted = registry.counter("walrus.invalid.certificates", "result", "submitted");
        logged = registry.counter("walrus.invalid.certificates", "result", "logged");
        rejected = registry.counter("walrus.invalid.certificates", "result", "rejected");
        failed = registry.counter("walrus.invalid.certificates", "result", "failed");
    }

    @Override
    public void inconsistent(BlobId blobId, InconsistencyProof proof) {
        Duration delay = retries.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                Certificate certificate = certifier.certify(blobId, proof, currentCommittee(), peers::resolve);
                submitter.submit(blobId, certificate);
                (submitter.reachesChain() ? submitted : logged).increment();
                return;
            } catch (TransactionRejectedException e) {
                rejected.increment();
                LOG.warn("blob {}: invalidate_blob_id rejected: {}", blobId, e.getMessage());
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt >= retries.maxAttempts()) {
                    failed.increment();
                    LOG.warn("blob {}: no invalid-blob certificate after {} attempts: {}", blobId, attempt, e.toString());
                    return;
                }
                LOG.debug("blob {}: invalidation attempt {} failed, retrying in {}: {}", blobId, attempt, delay, e.toString());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay.multipliedBy(2);
            }
        }
    }

    /** The signing committee of the current epoch; the message must carry that epoch. */
    private SigningCommittee currentCommittee() throws IOException {
        NodeState.Snapshot s = state.get();
        Optional<SigningCommittee> committee = s.signing();
        if (committee.isEmpty() || committee.get().epoch() != s.epoch()) {
            throw new IOException("the BLS committee of epoch " + s.epoch() + " is not known (yet)");
        }
        return committee.get();
    }
}
