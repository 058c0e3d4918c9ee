package io.walrusj.encoder.read;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Aggregator metrics: {@code walrus.aggregator.reads} by route and outcome,
 * {@code walrus.aggregator.read.latency} by route, {@code walrus.aggregator.bytes.served}, and
 * {@code walrus.aggregator.slivers} by axis and result (verified, not_found, failed, invalid).
 */
@Component
public class ReadMetrics implements SliverCounter {
    private final MeterRegistry registry;
    private final Counter bytesServed;

    public ReadMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesServed = Counter.builder("walrus.aggregator.bytes.served").baseUnit("bytes")
                .description("blob bytes written to clients").register(registry);
    }

    @Override
    public void count(SliverType type, Result result) {
        registry.counter("walrus.aggregator.slivers", "type", type.text(), "result", result.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    void shed() {
        registry.counter("walrus.aggregator.reads", "route", "any", "outcome", "shed").increment();
    }

    void served(long bytes) {
        bytesServed.increment(bytes);
    }

    /** One read route's work; returns the outcome recorded on success ({@code ok}, {@code partial}). */
    @FunctionalInterface
    interface Route {
        String serve() throws IOException;
    }

    /** Runs a read route and records its outcome (an error's reason when it throws) and latency. */
    void timed(String route, Route work) throws IOException {
        long start = System.nanoTime();
        String outcome = "internal_error";
        try {
            outcome = work.serve();
        } catch (RuntimeException | IOException e) {
            outcome = outcome(e);
            throw e;
        } finally {
            read(route, outcome, start);
        }
    }

    /** Records one finished read: outcome from the HTTP status or the error's reason. */
    void read(String route, String outcome, long startNanos) {
        registry.counter("walrus.aggregator.reads", "route", route, "outcome", outcome).increment();
        Timer.builder("walrus.aggregator.read.latency").tag("route", route).register(registry)
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    static String outcome(Throwable error) {
        return switch (error) {
            case DaemonException d -> d.reason().toLowerCase(Locale.ROOT);
            case FrameworkRejection ignored -> "bad_request";
            case IOException ignored -> "client_gone";
            default -> "internal_error";
        };
    }
}
