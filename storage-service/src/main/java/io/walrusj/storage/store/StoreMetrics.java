package io.walrusj.storage.store;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metrics of the sliver store: {@code walrus.store.writes}/{@code reads} (counters by kind,
 * reads also by hit/miss), {@code walrus.store.bytes.written} (by kind) and
 * {@code walrus.store.write.latency} (synced write time, by kind).
 */
public final class StoreMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void write(String kind, long bytes, long nanos) {
        counter("walrus.store.writes", "kind", kind).increment();
        counter("walrus.store.bytes.written", "kind", kind).increment(bytes);
        latency(kind, nanos);
    }

    /** A WAL fsync ({@code kind=wal_sync} of the latency timer; not a write). */
    void walSync(long nanos) {
        latency("wal_sync", nanos);
    }

    private void latency(String kind, long nanos) {
        timers.computeIfAbsent(kind, k -> Timer.builder("walrus.store.write.latency").tag("kind", k)
                .description("RocksDB write latency (fsynced for events, deletions, proofs and wal_sync)")
                .register(registry))
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void read(String kind, boolean hit) {
        Counter c = counters.computeIfAbsent("reads/" + kind + "/" + hit, k -> Counter.builder("walrus.store.reads")
                .tag("kind", kind).tag("result", hit ? "hit" : "miss").register(registry));
        c.increment();
    }

    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + "/" + value,
                k -> Counter.builder(name).tag(tag, value).register(registry));
    }
}
