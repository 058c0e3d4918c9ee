package io.walrusj.indexer.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.follow.EventHandlerException;
import io.walrusj.chain.follow.FollowerListener;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.indexer.ingest.BatchResult;
import io.walrusj.indexer.ingest.IngestListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The indexer's Micrometer meters (Prometheus names in brackets):
 * <ul>
 *   <li>{@code indexer.events.ingested{type}} [indexer_events_ingested_total]: committed events by event name;
 *   <li>{@code indexer.errors{kind}} [indexer_errors_total]: {@code poll} (RPC, decoding),
 *       {@code handler} (database, rolled back), {@code committee} (committee read), {@code fatal}
 *       (follower gave up);
 *   <li>{@code indexer.lag.checkpoints}: the gRPC follower's {@code checkpointLag()} (latest
 *       checkpoint seen minus the last completely handled one); NaN while unknown and with the
 *       legacy JSON-RPC follower;
 *   <li>{@code indexer.lag.seconds}: the gRPC follower's {@code secondsLag()} (now minus the
 *       timestamp of the last committed checkpoint); with the legacy follower, how old the newest
 *       event of the last committed batch was when it committed; NaN before the first batch;
 *   <li>{@code indexer.last.commit.age.seconds}: time since the last committed batch (grows on an
 *       idle chain as well as on a stalled indexer: read it together with the error counter);
 *   <li>{@code indexer.chain.head.checkpoint} (the follower's latest known checkpoint), {@code indexer.last.event.id},
 *       {@code indexer.current.epoch}.
 * </ul>
 */
@Component
public class IndexerMetrics implements IngestListener, FollowerListener {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> ingested = new ConcurrentHashMap<>();
    private volatile WalrusFollower follower;
    private volatile double legacyLagSeconds = Double.NaN;
    private volatile long lastEventId;
    private volatile long currentEpoch;
    private volatile long lastCommitMs = -1;

    @Autowired
    public IndexerMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    IndexerMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        Gauge.builder("indexer.lag.seconds", this, IndexerMetrics::lagSeconds).baseUnit("seconds")
                .description("now minus the timestamp of the last committed checkpoint").register(registry);
        Gauge.builder("indexer.lag.checkpoints", this, IndexerMetrics::lagCheckpoints)
                .description("latest known checkpoint minus the last completely indexed one").register(registry);
        Gauge.builder("indexer.last.commit.age.seconds", this, IndexerMetrics::lastCommitAge).baseUnit("seconds")
                .description("time since the last committed batch").register(registry);
        Gauge.builder("indexer.chain.head.checkpoint", this, IndexerMetrics::headCheckpoint)
                .description("latest checkpoint of the followed node").register(registry);
        Gauge.builder("indexer.last.event.id", this, m -> m.lastEventId)
                .description("event-log position of the newest ingested event").register(registry);
        Gauge.builder("indexer.current.epoch", this, m -> m.currentEpoch)
                .description("current Walrus epoch as indexed").register(registry);
    }

    @Override
    public void committed(BatchResult r) {
        r.countsByName().forEach((name, n) -> ingested.computeIfAbsent(name, t -> Counter.builder("indexer.events.ingested")
                .description("events committed to the database").tag("type", t).register(registry)).increment(n));
        long now = clock.millis();
        lastCommitMs = now;
        lastEventId = r.lastEventId();
        currentEpoch = r.epoch();
        r.lastTimestampMs().ifPresent(ts -> legacyLagSeconds = Math.max(0, now - ts) / 1000.0);
    }

    /** The follower whose getters the lag gauges read (null: none). */
    public void follow(WalrusFollower follower) {
        this.follower = follower;
    }

    public void error(String kind) {
        Counter.builder("indexer.errors").description("failures, by kind").tag("kind", kind).register(registry)
                .increment();
    }

    @Override
    public void onError(Exception error, int consecutiveErrors, Duration retryIn) {
        error(error instanceof EventHandlerException ? "handler" : "poll");
    }

    @Override
    public void onFailed(Exception error) {
        error("fatal");
    }

    private double lagCheckpoints() {
        WalrusFollower f = follower;
        return f == null || f.checkpointLag().isEmpty() ? Double.NaN : f.checkpointLag().getAsLong();
    }

    private double lagSeconds() {
        WalrusFollower f = follower;
        return f != null && f.secondsLag().isPresent() ? f.secondsLag().getAsDouble() : legacyLagSeconds;
    }

    private double headCheckpoint() {
        WalrusFollower f = follower;
        return f == null || f.latestKnownCheckpoint().isEmpty() ? Double.NaN : f.latestKnownCheckpoint().getAsLong();
    }

    private double lastCommitAge() {
        long last = lastCommitMs;
        return last < 0 ? Double.NaN : (clock.millis() - last) / 1000.0;
    }
}
