package io.walrusj.storage.heal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.recovery.RecoveryOutcome;
import io.walrusj.core.recovery.SliverRecovery;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.NodeState;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blob-sync pass over one blob (docs/spec/walrus-chain.md 7.5): finds the missing slivers of owned
 * shards, gets the metadata (stored, or from a peer, verified against the blob id), and rebuilds
 * the missing slivers from recovery symbols ({@link SymbolCollector}), several at a time on virtual
 * threads ({@code sliverConcurrency}). Secondary slivers go first: they need only p symbols, and
 * once stored they serve as local symbols for the primary ones. A decoding that does not match the
 * metadata stores the inconsistency proof and ends the pass.
 */
public final class BlobHealer {
    private static final Logger LOG = LoggerFactory.getLogger(BlobHealer.class);

    private final SliverStore store;
    private final NodeState state;
    private final PeerResolver peers;
    private final MetadataFetcher metadataFetcher;
    private final SymbolCollector collector;
    private final SymbolSourceCache cache;
    private final Optional<SuiAddress> self;
    private final int sliverConcurrency;
    private final AtomicLong recovered = new AtomicLong();
    private final Counter recoveredCounter;

    /** Fetches a peer's copy of a blob's metadata (unverified). */
    @FunctionalInterface
    public interface MetadataFetcher {
        BlobMetadataWithId fetch(URI node, BlobId blobId) throws IOException;
    }

    public BlobHealer(SliverStore store, NodeState state, PeerResolver peers, MetadataFetcher metadataFetcher,
            SymbolFetcher symbolFetcher, SymbolSourceCache cache, Optional<SuiAddress> self, int sliverConcurrency,
            MeterRegistry registry) {
        this.store = store;
        this.state = state;
        this.peers = peers;
        this.metadataFetcher = metadataFetcher;
        this.collector = new SymbolCollector(symbolFetcher, SymbolIdBatches.MAX_QUERY_CHARS);
        this.cache = cache;
        this.self = self;
        this.sliverConcurrency = Math.max(1, sliverConcurrency);
        this.recoveredCounter = registry.counter("walrus.heal.slivers.recovered");
    }

    /** Slivers recovered and stored since start. */
    public long recoveredSlivers() {
        return recovered.get();
    }

    public SyncResult heal(BlobId blobId) throws IOException {
        NodeState.Snapshot s = state.get();
        if (!s.knowsShardCount()) {
            throw new IOException("the number of shards is not known yet");
        }
        BlobInfo info = store.getBlobInfo(blobId).orElse(BlobInfo.EMPTY);
        if (info.invalid() || !info.registeredAt(s.epoch()) || store.getInconsistencyProof(blobId).isPresent()) {
            return SyncResult.NOTHING_TO_DO;
        }
        EncodingConfig config = s.config();
        int offset = blobId.rotationOffset(config.nShards());
        List<Integer> ownedPairs = s.ownedShards().stream().sorted().map(shard -> config.pairForShard(shard, offset)).toList();
        if (ownedPairs.stream().allMatch(p -> store.hasSliver(blobId, p, SliverType.PRIMARY)
                && store.hasSliver(blobId, p, SliverType.SECONDARY))) {
            return SyncResult.NOTHING_TO_DO;
        }
        List<Peer> committee = peers.peers(s, self);
        BlobMetadata metadata = metadata(blobId, config, committee);
        for (SliverType type : List.of(SliverType.SECONDARY, SliverType.PRIMARY)) {
            List<RecoveryTarget> targets = new ArrayList<>();
            for (int pair : ownedPairs) {
                if (!store.hasSliver(blobId, pair, type)) {
                    targets.add(new RecoveryTarget(blobId, config, metadata, type, config.sliverIndex(type, pair)));
                }
            }
            // chunks: each own source sliver is expanded once per chunk, not once per target
            int chunk = 4 * sliverConcurrency;
            for (int from = 0; from < targets.size(); from += chunk) {
                List<RecoveryTarget> part = targets.subList(from, Math.min(targets.size(), from + chunk));
                if (recoverAll(part, ownedPairs, committee) == SyncResult.INCONSISTENT) {
                    return SyncResult.INCONSISTENT;
                }
            }
        }
        return SyncResult.HEALED;
    }

    /**
     * Recovers {@code targets} (one axis) concurrently. Returns INCONSISTENT once a proof is stored;
     * throws the first failure after every started recovery has finished (recovered slivers stay).
     */
    private SyncResult recoverAll(List<RecoveryTarget> targets, List<Integer> ownedPairs, List<Peer> committee)
            throws IOException {
        Map<Integer, List<GeneralRecoverySymbol>> local = localSymbols(targets, ownedPairs);
        Semaphore permits = new Semaphore(sliverConcurrency);
        AtomicReference<InconsistencyProof> inconsistency = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (RecoveryTarget t : targets) {
                ex.execute(() -> {
                    try {
                        permits.acquire();
                    } catch (InterruptedException e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    try {
                        if (inconsistency.get() == null && !store.hasSliver(t.blobId(), t.pair(), t.type())) {
                            recoverOne(t, local.getOrDefault(t.index(), List.of()), committee)
                                    .ifPresent(p -> inconsistency.compareAndSet(null, p));
                        }
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        InconsistencyProof proof = inconsistency.get();
        if (proof != null) {
            BlobId blobId = targets.getFirst().blobId();
            store.putInconsistencyProof(blobId, proof);
            LOG.warn("blob {} is inconsistently encoded ({} sliver {}); inconsistency proof stored", blobId,
                    proof.targetType().text(), proof.targetSliverIndex());
            return SyncResult.INCONSISTENT;
        }
        Exception e = failure.get();
        if (e != null) {
            throw e instanceof IOException io ? io : new IOException(e.toString(), e);
        }
        return SyncResult.HEALED;
    }

    /** Rebuilds and stores one sliver; the inconsistency proof if it does not match the metadata. */
    private Optional<InconsistencyProof> recoverOne(RecoveryTarget t, List<GeneralRecoverySymbol> local,
            List<Peer> committee) throws IOException {
        SymbolCollector.Collected c = collector.collect(t, local, committee);
        LOG.debug("{}: {} symbols asked in {} requests, {} rounds", t, c.stats().requested(), c.stats().requests(),
                c.stats().rounds());
        RecoveryOutcome outcome = SliverRecovery.recover(t.config(), t.metadata(), t.type(), t.index(), c.symbols());
        return switch (outcome) {
            case RecoveryOutcome.Recovered r -> {
                store.putSliver(t.blobId(), t.pair(), r.sliver());
                recovered.incrementAndGet();
                recoveredCounter.increment();
                yield Optional.empty();
            }
            case RecoveryOutcome.Inconsistent i -> Optional.of(i.proof());
        };
    }

    /**
     * Symbols this node's own stored slivers of the orthogonal axis contribute to each target (by
     * target index), each source expanded once (through the shared cache).
     */
    private Map<Integer, List<GeneralRecoverySymbol>> localSymbols(List<RecoveryTarget> targets, List<Integer> ownedPairs) {
        Map<Integer, List<GeneralRecoverySymbol>> out = new HashMap<>();
        if (targets.isEmpty()) {
            return out;
        }
        RecoveryTarget first = targets.getFirst();
        SliverType sourceType = first.sourceType();
        for (int pair : ownedPairs) {
            Optional<SliverSymbolSource> src = cache.get(first.config(), first.blobId(), pair, sourceType,
                    () -> store.getSliver(first.blobId(), pair, sourceType));
            src.ifPresent(source -> {
                for (RecoveryTarget t : targets) {
                    out.computeIfAbsent(t.index(), k -> new ArrayList<>()).add(source.recoverySymbol(t.index()));
                }
            });
        }
        return out;
    }

    /** Stored metadata, or the first peer's copy that verifies against the blob id (then stored). */
    private BlobMetadata metadata(BlobId blobId, EncodingConfig config, List<Peer> committee) throws IOException {
        Optional<BlobMetadata> stored = store.getMetadata(blobId);
        if (stored.isPresent()) {
            return stored.get();
        }
        IOException last = new IOException("no peer to fetch the metadata of " + blobId + " from");
        for (Peer peer : committee) {
            try {
                BlobMetadataWithId m = metadataFetcher.fetch(peer.baseUrl(), blobId);
                if (!m.blobId().equals(blobId)) {
                    throw new IOException(peer + " answered the metadata of " + m.blobId());
                }
                m.metadata().verify(config, blobId);
                store.putMetadata(blobId, m.metadata());
                return m.metadata();
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(peer + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }
}
