package io.walrusj.encoder.publish;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.status.ErrorBody;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.committee.ChainView;
import io.walrusj.encoder.publish.BlobStoreResult.AlreadyCertified;
import io.walrusj.encoder.publish.BlobStoreResult.AlreadyCertifiedResult;
import io.walrusj.encoder.publish.BlobStoreResult.BlobObject;
import io.walrusj.encoder.publish.BlobStoreResult.NewlyCreated;
import io.walrusj.encoder.publish.BlobStoreResult.NewlyCreatedResult;
import io.walrusj.encoder.publish.BlobStoreResult.ResourceOperation;
import io.walrusj.nodeclient.NodeBlobStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store, start to end (client-http-api 2.1): encode; unless forced, answer
 * {@code alreadyCertified} when the committee reports the blob permanent and certified long
 * enough; otherwise reserve storage and register the blob, distribute it and collect a quorum
 * certificate, certify it on chain and answer the Blob object with the cost. If the epoch moves
 * during distribution or certification, the committee is re-read and that phase runs once more.
 */
public final class BlobPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(BlobPublisher.class);

    private final ChainView chain;
    private final BlobEncoding encoding;
    private final BlobStatusCheck statusCheck;
    private final BlobRegistrar registrar;
    private final SliverDistributor distributor;
    private final PublisherMetrics metrics;

    BlobPublisher(ChainView chain, BlobEncoding encoding, BlobStatusCheck statusCheck, BlobRegistrar registrar,
            SliverDistributor distributor, PublisherMetrics metrics) {
        this.chain = chain;
        this.encoding = encoding;
        this.statusCheck = statusCheck;
        this.registrar = registrar;
        this.distributor = distributor;
        this.metrics = metrics;
    }

    public BlobStoreResult store(BlobBody body, StoreRequest request) {
        long start = System.nanoTime();
        String outcome = "INTERNAL_ERROR";
        try {
            BlobStoreResult result = storeOnce(body, request);
            outcome = result instanceof NewlyCreatedResult ? "newly_created" : "already_certified";
            if (result instanceof NewlyCreatedResult) {
                metrics.bytesStored(body.length());
            }
            return result;
        } catch (DaemonException e) {
            outcome = e.reason();
            throw e;
        } catch (PayloadTooLargeException e) {
            outcome = "TOO_LARGE";
            throw e;
        } finally {
            metrics.store(outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private BlobStoreResult storeOnce(BlobBody body, StoreRequest request) {
        CommitteeSnapshot committee = chain.committee();
        SystemStateInnerV1 system = onChain(() -> chain.reader().systemState());
        if (system.currentEpoch() != committee.epoch()) {
            chain.refresh();
            committee = chain.committee();
        }
        long start = System.nanoTime();
        EncodedBlob blob = encoding.encode(body, committee.nShards());
        LOG.debug("blob {} ({} bytes) encoded in {} ms", blob.blobId(), body.length(), millisSince(start));
        if (!request.force()) {
            Optional<AlreadyCertified> certified = alreadyCertified(committee, blob, committee.epoch() + request.epochs());
            LOG.debug("blob {}: status checked after {} ms", blob.blobId(), millisSince(start));
            if (certified.isPresent()) {
                return new AlreadyCertifiedResult(certified.get());
            }
        }
        StoreCost cost = StoreCost.of(new EncodingConfig(committee.nShards()), body.length(), request.epochs(),
                system.storagePricePerUnitSize(), system.writePricePerUnitSize());
        Registration registration = registrar.register(blob, cost, request.deletable());
        LOG.debug("blob {} registered as {} for {} epochs after {} ms", blob.blobId(), registration.blobObjectId(),
                request.epochs(), millisSince(start));
        distributeAndCertify(committee, blob, registration, request.deletable());
        LOG.debug("blob {} certified after {} ms", blob.blobId(), millisSince(start));
        Blob object = onChain(() -> chain.reader().blob(registration.blobObjectId()));
        return new NewlyCreatedResult(new NewlyCreated(BlobObject.of(object),
                ResourceOperation.fromScratch(cost.encodedLength(), request.epochs()), cost.total(), null));
    }

    /** The {@code alreadyCertified} answer if the committee reports the blob certified permanent until at least {@code endEpoch}. */
    private Optional<AlreadyCertified> alreadyCertified(CommitteeSnapshot committee, EncodedBlob blob, long endEpoch) {
        Optional<NodeBlobStatus> status = statusCheck.verifiedStatus(committee, blob.blobId());
        if (status.isPresent() && status.get() instanceof NodeBlobStatus.Invalid) {
            throw new DaemonException(ErrorStatus.INTERNAL, "INTERNAL_ERROR", ErrorBody.GLOBAL,
                    "the blob was marked invalid, which is likely a system error, please report it", Map.of());
        }
        if (status.isPresent() && status.get() instanceof NodeBlobStatus.Permanent p && p.certified()
                && p.endEpoch() >= endEpoch) {
            return Optional.of(new AlreadyCertified(blob.blobId().toString(), BlobStoreResult.Event.of(p.statusEvent()),
                    p.endEpoch()));
        }
        return Optional.empty();
    }

    private void distributeAndCertify(CommitteeSnapshot committee, EncodedBlob blob, Registration registration,
            boolean deletable) {
        for (int attempt = 0;; attempt++) {
            StorageConfirmationMessage expected = deletable
                    ? StorageConfirmationMessage.deletable(committee.epoch(), blob.blobId(), registration.blobObjectId())
                    : StorageConfirmationMessage.permanent(committee.epoch(), blob.blobId());
            try {
                Certificate certificate = distributor.distribute(committee, blob, expected);
                registrar.certify(registration, certificate);
                return;
            } catch (EpochChangedException e) {
                if (attempt > 0) {
                    throw DaemonException.unavailable("EPOCH_CHANGED",
                            "the epoch changed twice while the blob was stored, please retry: " + e.getMessage());
                }
                LOG.info("epoch changed while storing blob {} ({}); re-reading the committee", blob.blobId(), e.getMessage());
                chain.refresh();
                committee = chain.committee();
                if (committee.nShards() != blob.nShards()) {
                    throw DaemonException.unavailable("EPOCH_CHANGED", "the number of shards changed, please retry");
                }
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A chain read; its transport failures were already retried by the chain's one retry policy: 503. */
    private static <T> T onChain(Supplier<T> read) {
        try {
            return read.get();
        } catch (DaemonException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DaemonException.chainUnavailable(e);
        }
    }
}
