package io.walrusj.encoder.read;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.BlobCertified;
import io.walrusj.encoder.committee.ChainView;
import io.walrusj.nodeclient.StorageNodeClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads blobs from the current committee's storage nodes: status probe (404 for blobs nobody
 * certified, after {@code certification-grace} for registered ones), verified metadata (404 when
 * more than 2f shards do not know the blob), the size limit (403), then the slivers
 * ({@link BlobAssembler}).
 */
@Component
public class BlobReader {
    private static final Duration STATUS_POLL = Duration.ofMillis(200);

    private final ChainView chain;
    private final StorageNodeClient client;
    private final AggregatorProperties props;
    private final SliverCounter counter;
    private final BlobStatusProbe statusProbe;
    private final MetadataFetcher metadataFetcher;
    private final CertifiedBlobs certified;
    private final AtomicReference<ShardOwners> owners = new AtomicReference<>();

    public BlobReader(ChainView chain, StorageNodeClient client, AggregatorProperties props, ReadMetrics metrics) {
        this.chain = chain;
        this.client = client;
        this.props = props;
        this.counter = metrics;
        this.statusProbe = new BlobStatusProbe(client::blobStatus, props.statusTimeout());
        this.certified = new CertifiedBlobs(props.statusCacheTtl(), 100_000);
        this.metadataFetcher = new MetadataFetcher(client::getMetadata,
                new RequestRace.Limits(1, props.metadataHedgeDelay(), props.readTimeout()));
    }

    /** A blob this service's publisher just certified is readable without asking the nodes' status. */
    @EventListener
    public void certifiedHere(BlobCertified event) {
        certified.add(event.blobId());
    }

    /** Seen certified lately (by a status probe or this service's publisher): no status probe needed. */
    boolean knownCertified(BlobId blobId) {
        return certified.contains(blobId);
    }

    /** Status and verified metadata; throws the 404 / 503 / 403 a read answers with. */
    ResolvedBlob resolve(BlobId blobId) {
        ShardOwners shardOwners = owners(chain.committee());
        EncodingConfig config = new EncodingConfig(shardOwners.nShards());
        if (!knownCertified(blobId)) {
            BlobStatusProbe.Verdict status = statusProbe.await(shardOwners, blobId, props.certificationGrace(), STATUS_POLL);
            if (status == BlobStatusProbe.Verdict.NOT_FOUND || status == BlobStatusProbe.Verdict.REGISTERED) {
                throw ReadErrors.blobNotFound();
            }
            if (status == BlobStatusProbe.Verdict.CERTIFIED) {
                certified.add(blobId);
            }
        }
        return new ResolvedBlob(metadataFetcher.fetch(shardOwners, config, blobId), config,
                new NodeSliverSource(client, shardOwners, config, blobId));
    }

    /** The whole blob (3.1, 3.2). */
    BlobBody readAll(BlobId blobId, ConsistencyCheck check) {
        ResolvedBlob blob = resolve(blobId);
        requireAllowedSize(blob.size());
        return read(blob, check);
    }

    /** The whole of a blob already resolved (and its size checked). */
    BlobBody read(ResolvedBlob blob, ConsistencyCheck check) {
        return assembler(blob.config()).readAll(blob.metadata(), blob.source(), check);
    }

    /** Part of the blob (Range header, byte-range route), with the blob's total size. */
    RangeRead readRange(BlobId blobId, ByteRange range) {
        ResolvedBlob blob = resolve(blobId);
        range.requireWithin(blob.size());
        requireAllowedSize(range.length());
        return new RangeRead(assembler(blob.config()).readRange(blob.metadata(), blob.source(), range), blob.size());
    }

    record RangeRead(BlobBody body, long blobSize) {}

    void requireAllowedSize(long size) {
        if (!props.allowsSize(size)) {
            throw ReadErrors.tooLarge(props.maxBlobSize());
        }
    }

    SliverCollector collector(EncodingConfig config) {
        return new SliverCollector(config, new RequestRace.Limits(props.maxSliverRequests(), props.hedgeDelay(),
                props.readTimeout()), counter);
    }

    BlobAssembler assembler(EncodingConfig config) {
        return new BlobAssembler(collector(config), props.decodeParallelism());
    }

    private ShardOwners owners(CommitteeSnapshot committee) {
        ShardOwners cached = owners.get();
        if (cached != null && cached.committee() == committee) {
            return cached;
        }
        ShardOwners fresh = new ShardOwners(committee);
        owners.set(fresh);
        return fresh;
    }
}
