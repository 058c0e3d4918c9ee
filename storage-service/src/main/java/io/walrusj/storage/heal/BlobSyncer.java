package io.walrusj.storage.heal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.ChainListener;
import io.walrusj.storage.sync.NodeState;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules blob sync (docs/spec/walrus-chain.md 7.5): after {@code BlobCertified}, and for every certified
 * blob missing slivers found by a scan at start and after each epoch change, one
 * {@link BlobHealer} pass per blob on a virtual thread, at most {@code blobConcurrency} blobs at
 * once, a blob in progress not queued twice. Failed passes are retried with exponential backoff up
 * to {@code maxAttempts}. A blob proven inconsistent (now or by an earlier run, while the chain has
 * not invalidated it yet) is handed to the {@link InconsistentBlobHandler}.
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
    private final BlobHealer healer;
    private final HealSettings settings;
    private final InconsistentBlobHandler inconsistentBlobs;
    private final Semaphore permits;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<BlobId> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong healed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong inconsistent = new AtomicLong();
    private final Counter healedCounter;
    private final Counter failedCounter;
    private final Counter inconsistentCounter;
    private final AtomicBoolean scanning = new AtomicBoolean();
    private volatile boolean closed;

    public BlobSyncer(SliverStore store, NodeState state, BlobHealer healer, HealSettings settings,
            InconsistentBlobHandler inconsistentBlobs, MeterRegistry registry) {
        this.store = store;
        this.state = state;
        this.healer = healer;
        this.settings = settings;
        this.inconsistentBlobs = inconsistentBlobs;
        this.permits = new Semaphore(settings.blobConcurrency());
        registry.gauge("walrus.heal.in.progress", inFlight, Set::size);
        healedCounter = registry.counter("walrus.heal.blobs", "result", "healed");
        failedCounter = registry.counter("walrus.heal.blobs", "result", "failed");
        inconsistentCounter = registry.counter("walrus.heal.blobs", "result", "inconsistent");
    }

    public Progress progress() {
        return new Progress(inFlight.size(), healed.get(), healer.recoveredSlivers(), failed.get(), inconsistent.get());
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
                    LOG.info("blob sync scan ({}): {} certified blobs miss slivers of owned shards or await invalidation",
                            reason, n);
                }
            } catch (RuntimeException e) {
                LOG.warn("blob sync scan ({}) failed: {}", reason, e.toString(), e);
            } finally {
                scanning.set(false);
            }
        });
    }

    /**
     * Submits every blob that is certified, live at the current epoch and not invalid, and either
     * lacks a sliver of an owned shard's pair (a node that was down, crashed between an event commit
     * and its notification, or gave up after {@code maxAttempts}) or has a stored inconsistency
     * proof (its invalidation is attempted again, with the current epoch). Returns how many.
     */
    public int scan() {
        NodeState.Snapshot s = state.get();
        if (!s.knowsShardCount() || s.ownedShards().isEmpty()) {
            return 0;
        }
        EncodingConfig config = s.config();
        Set<BlobId> todo = new LinkedHashSet<>();
        store.forEachBlobInfo((id, info) -> {
            if (info.invalid() || info.objects().values().stream().noneMatch(o -> o.certified() && o.liveAt(s.epoch()))) {
                return;
            }
            if (store.getInconsistencyProof(id).isPresent()) {
                todo.add(id); // its invalidation is what is pending
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
        todo.forEach(this::submit);
        return todo.size();
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
        Optional<SyncResult> result = syncWithRetries(blobId);
        if (result.isPresent() && result.get() != SyncResult.HEALED) {
            reportIfProven(blobId);
        }
    }

    private Optional<SyncResult> syncWithRetries(BlobId blobId) throws InterruptedException {
        Duration delay = settings.backoff();
        for (int attempt = 1; !closed; attempt++) {
            try {
                SyncResult r = syncOnce(blobId);
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
                return Optional.of(r);
            } catch (IOException | RuntimeException e) {
                if (attempt >= settings.maxAttempts()) {
                    failed.incrementAndGet();
                    failedCounter.increment();
                    LOG.warn("blob {}: sync failed after {} attempts: {}", blobId, attempt, e.toString());
                    return Optional.empty();
                }
                LOG.debug("blob {}: sync attempt {} failed, retrying in {}: {}", blobId, attempt, delay, e.toString());
                Thread.sleep(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay.multipliedBy(2);
            }
        }
        return Optional.empty();
    }

    /** Hands a stored proof of a blob the chain has not invalidated yet to the handler. */
    private void reportIfProven(BlobId blobId) {
        Optional<InconsistencyProof> proof = store.getInconsistencyProof(blobId);
        if (proof.isEmpty() || store.getBlobInfo(blobId).map(BlobInfo::invalid).orElse(false)) {
            return;
        }
        try {
            inconsistentBlobs.inconsistent(blobId, proof.get());
        } catch (RuntimeException e) {
            LOG.warn("blob {}: reporting the inconsistency failed: {}", blobId, e.toString(), e);
        }
    }

    /** One pass (no retries, no reporting). */
    SyncResult syncOnce(BlobId blobId) throws IOException {
        return healer.heal(blobId);
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
