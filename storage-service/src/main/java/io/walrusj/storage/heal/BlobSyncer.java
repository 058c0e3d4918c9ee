package io.walrusj.storage.heal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.core.VerificationException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.RecoveryOutcome;
import io.walrusj.core.recovery.SliverRecovery;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.ChainListener;
import io.walrusj.storage.sync.NodeState;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blob sync (walrus-chain.md 7.5, walrus-encoding.md 10): after {@code BlobCertified}, every sliver
 * of an owned shard that is missing is rebuilt from recovery symbols of the other committee members.
 * Metadata is fetched first if missing (verified against the blob id). Symbols are verified one by
 * one, the sliver is decoded from exactly the needed number and verified against the metadata; a
 * Merkle-root mismatch stores the inconsistency proof and marks the blob inconsistent locally
 * (collecting attestations and calling {@code invalidate_blob_id} is not implemented).
 *
 * <p>One virtual thread per blob, at most {@code healConcurrency} blobs at once, a blob in progress is
 * not queued twice; failed attempts are retried with exponential backoff up to
 * {@code healMaxAttempts}. Secondary slivers are rebuilt before primary ones (they need only p
 * symbols, and the node's own recovered secondary slivers then contribute to its primary ones).
 */
public final class BlobSyncer implements ChainListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobSyncer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Progress counters (also exported as Micrometer meters). */
    public record Progress(long inProgress, long healedBlobs, long recoveredSlivers, long failedBlobs,
            long inconsistentBlobs) {
    }

    private final SliverStore store;
    private final NodeState state;
    private final PeerResolver peers;
    private final NodeClient client;
    private final SymbolSourceCache cache;
    private final Optional<SuiAddress> self;
    private final int maxAttempts;
    private final Duration backoff;
    private final Semaphore permits;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<BlobId> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong healed = new AtomicLong();
    private final AtomicLong recovered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong inconsistent = new AtomicLong();
    private final Counter healedCounter;
    private final Counter recoveredCounter;
    private final Counter failedCounter;
    private final Counter inconsistentCounter;
    private final java.util.concurrent.atomic.AtomicBoolean scanning = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean closed;

    public BlobSyncer(SliverStore store, NodeState state, PeerResolver peers, NodeClient client, SymbolSourceCache cache,
            Optional<SuiAddress> self, int concurrency, int maxAttempts, Duration backoff, MeterRegistry registry) {
        this.store = store;
        this.state = state;
        this.peers = peers;
        this.client = client;
        this.cache = cache;
        this.self = self;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoff = backoff;
        this.permits = new Semaphore(Math.max(1, concurrency));
        registry.gauge("walrus.heal.in.progress", inFlight, Set::size);
        healedCounter = registry.counter("walrus.heal.blobs", "result", "healed");
        failedCounter = registry.counter("walrus.heal.blobs", "result", "failed");
        inconsistentCounter = registry.counter("walrus.heal.blobs", "result", "inconsistent");
        recoveredCounter = registry.counter("walrus.heal.slivers.recovered");
    }

    public Progress progress() {
        return new Progress(inFlight.size(), healed.get(), recovered.get(), failed.get(), inconsistent.get());
    }

    @Override
    public void blobCertified(BlobId blobId) {
        submit(blobId);
    }

    @Override
    public void epochChanged(long epoch) {
        scanAsync("epoch " + epoch);
    }

    @Override
    public void chainConnected(long epoch) {
        scanAsync("start");
    }

    /** Runs {@link #scan()} on a virtual thread unless a scan is already running. */
    public void scanAsync(String reason) {
        if (closed || !scanning.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("blob-sync-scan").start(() -> {
            try {
                int n = scan();
                if (n > 0) {
                    LOG.info("blob sync scan ({}): {} certified blobs miss slivers of owned shards", reason, n);
                }
            } catch (RuntimeException e) {
                LOG.warn("blob sync scan ({}) failed: {}", reason, e.toString(), e);
            } finally {
                scanning.set(false);
            }
        });
    }

    /**
     * Finds blobs that are certified, not expired at the current epoch and not invalid (nor proven
     * inconsistent here) whose slivers of owned shards are not all stored, and hands them to
     * {@link #submit}: a node that was down, crashed between an event commit and its notification, or
     * gave up after {@code healMaxAttempts} catches up. Returns how many blobs were submitted.
     */
    public int scan() {
        NodeState.Snapshot s = state.get();
        if (!s.knowsShardCount() || s.ownedShards().isEmpty()) {
            return 0;
        }
        EncodingConfig config = s.config();
        List<BlobId> todo = new ArrayList<>();
        store.forEachBlobInfo((id, info) -> {
            if (info.invalid() || info.objects().values().stream().noneMatch(o -> o.certified() && o.liveAt(s.epoch()))) {
                return;
            }
            int offset = id.rotationOffset(config.nShards());
            for (int shard : s.ownedShards()) {
                int pair = config.pairForShard(shard, offset);
                if (!store.hasSliver(id, pair, SliverType.PRIMARY) || !store.hasSliver(id, pair, SliverType.SECONDARY)) {
                    todo.add(id);
                    return;
                }
            }
        });
        int submitted = 0;
        for (BlobId id : todo) {
            if (store.getInconsistencyProof(id).isEmpty()) {
                submit(id);
                submitted++;
            }
        }
        return submitted;
    }

    /** Starts syncing {@code blobId} unless it is already in progress; returns immediately. */
    public void submit(BlobId blobId) {
        if (closed || !inFlight.add(blobId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    permits.acquire();
                    try {
                        run(blobId);
                    } finally {
                        permits.release();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.remove(blobId);
                }
            });
        } catch (RuntimeException e) { // rejected after close
            inFlight.remove(blobId);
        }
    }

    private void run(BlobId blobId) throws InterruptedException {
        Duration delay = backoff;
        for (int attempt = 1; !closed; attempt++) {
            try {
                Result r = syncOnce(blobId);
                switch (r) {
                    case HEALED -> {
                        healed.incrementAndGet();
                        healedCounter.increment();
                        LOG.info("blob {}: all slivers of owned shards recovered", blobId);
                    }
                    case INCONSISTENT -> {
                        inconsistent.incrementAndGet();
                        inconsistentCounter.increment();
                    }
                    case NOTHING_TO_DO -> {
                    }
                }
                return;
            } catch (IOException | RuntimeException e) {
                if (attempt >= maxAttempts) {
                    failed.incrementAndGet();
                    failedCounter.increment();
                    LOG.warn("blob {}: sync failed after {} attempts: {}", blobId, attempt, e.toString());
                    return;
                }
                LOG.debug("blob {}: sync attempt {} failed, retrying in {}: {}", blobId, attempt, delay, e.toString());
                Thread.sleep(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay.multipliedBy(2);
            }
        }
    }

    enum Result { NOTHING_TO_DO, HEALED, INCONSISTENT }

    private record Missing(int pair, SliverType type) {
    }

    Result syncOnce(BlobId blobId) throws IOException {
        NodeState.Snapshot s = state.get();
        if (!s.knowsShardCount()) {
            throw new IOException("the number of shards is not known yet");
        }
        BlobInfo info = store.getBlobInfo(blobId).orElse(BlobInfo.EMPTY);
        if (info.invalid() || !info.registeredAt(s.epoch()) || store.getInconsistencyProof(blobId).isPresent()) {
            return Result.NOTHING_TO_DO;
        }
        EncodingConfig config = s.config();
        int offset = blobId.rotationOffset(config.nShards());
        List<Missing> missing = new ArrayList<>();
        for (SliverType type : List.of(SliverType.SECONDARY, SliverType.PRIMARY)) {
            for (int shard : s.ownedShards().stream().sorted().toList()) {
                int pair = config.pairForShard(shard, offset);
                if (!store.hasSliver(blobId, pair, type)) {
                    missing.add(new Missing(pair, type));
                }
            }
        }
        if (missing.isEmpty()) {
            return Result.NOTHING_TO_DO;
        }
        List<URI> nodes = peerUris(s);
        BlobMetadata metadata = metadata(blobId, config, nodes);
        for (Missing m : missing) {
            if (store.hasSliver(blobId, m.pair(), m.type())) {
                continue; // uploaded meanwhile
            }
            int target = config.sliverIndex(m.type(), m.pair());
            List<GeneralRecoverySymbol> symbols = collect(blobId, config, metadata, s, m.type(), target, nodes);
            RecoveryOutcome outcome = SliverRecovery.recover(config, metadata, m.type(), target, symbols);
            switch (outcome) {
                case RecoveryOutcome.Recovered r -> {
                    store.putSliver(blobId, m.pair(), r.sliver());
                    recovered.incrementAndGet();
                    recoveredCounter.increment();
                }
                case RecoveryOutcome.Inconsistent i -> {
                    store.putInconsistencyProof(blobId, i.proof());
                    LOG.warn("blob {} is inconsistently encoded ({} sliver {}); proof stored, on-chain invalidation "
                            + "not implemented", blobId, m.type().text(), target);
                    return Result.INCONSISTENT;
                }
            }
        }
        return Result.HEALED;
    }

    /** Stored metadata, or the first copy from another node that verifies against the blob id (then stored). */
    private BlobMetadata metadata(BlobId blobId, EncodingConfig config, List<URI> nodes) throws IOException {
        Optional<BlobMetadata> local = store.getMetadata(blobId);
        if (local.isPresent()) {
            return local.get();
        }
        IOException last = new IOException("no peer to fetch metadata of " + blobId + " from");
        for (URI node : nodes) {
            try {
                BlobMetadataWithId m = client.metadata(node, blobId);
                if (!m.blobId().equals(blobId)) {
                    throw new IOException(node + " answered metadata of " + m.blobId());
                }
                m.metadata().verify(config, blobId);
                store.putMetadata(blobId, m.metadata());
                return m.metadata();
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(node + ": " + e.getMessage(), e);
            }
        }
        throw last;
    }

    /**
     * Verified symbols for the target, distinct by source sliver: first from this node's own stored
     * orthogonal slivers, then from the other nodes in random order, until enough are collected.
     */
    private List<GeneralRecoverySymbol> collect(BlobId blobId, EncodingConfig config, BlobMetadata metadata,
            NodeState.Snapshot s, SliverType type, int target, List<URI> nodes) throws IOException {
        int needed = config.symbolsForRecovery(type);
        List<GeneralRecoverySymbol> out = new ArrayList<>();
        BitSet seen = new BitSet();
        int offset = blobId.rotationOffset(config.nShards());
        SliverType sourceType = type.orthogonal();
        for (int shard : s.ownedShards()) {
            int pair = config.pairForShard(shard, offset);
            Optional<SliverSymbolSource> src = cache.get(config, blobId, pair, sourceType,
                    () -> store.getSliver(blobId, pair, sourceType));
            src.ifPresent(source -> accept(source.recoverySymbol(target), config, metadata, type, target, out, seen));
        }
        List<URI> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled);
        IOException last = null;
        for (URI node : shuffled) {
            if (out.size() >= needed) {
                break;
            }
            try {
                for (GeneralRecoverySymbol g : client.recoverySymbols(node, blobId, type, target)) {
                    accept(g, config, metadata, type, target, out, seen);
                }
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(node + ": " + e.getMessage(), e);
            }
        }
        if (out.size() < needed) {
            throw new IOException("recovering " + type.text() + " sliver " + target + " of " + blobId + " needs " + needed
                    + " verified symbols, got " + out.size() + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
        }
        return out;
    }

    private static void accept(GeneralRecoverySymbol g, EncodingConfig config, BlobMetadata metadata, SliverType type,
            int target, List<GeneralRecoverySymbol> out, BitSet seen) {
        if (g.targetType() != type || g.targetIndex() != target || seen.get(g.symbol().index())) {
            return;
        }
        try {
            g.verify(config, metadata, target, type);
        } catch (VerificationException e) {
            return; // a faulty or malicious peer: drop the symbol
        }
        seen.set(g.symbol().index());
        out.add(g);
    }

    private List<URI> peerUris(NodeState.Snapshot s) {
        List<URI> out = new ArrayList<>();
        for (Map.Entry<SuiAddress, List<Integer>> e : s.committee().entrySet()) {
            if (self.isPresent() && self.get().equals(e.getKey()) || e.getValue().isEmpty()) {
                continue;
            }
            peers.resolve(e.getKey()).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
