package io.walrusj.encoder.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The publisher's Micrometer meters: stores by outcome (with latency), bytes stored, node upload
 * failures by node, confirmations collected, requests shed.
 */
@Component
public class PublisherMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary bytesStored;
    private final Counter confirmations;
    private final Counter invalidConfirmations;
    private final Counter shed;

    public PublisherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesStored = DistributionSummary.builder("walrus.publisher.stored.bytes").baseUnit("bytes")
                .description("size of blobs newly stored (unencoded)").register(registry);
        this.confirmations = Counter.builder("walrus.publisher.confirmations").tag("result", "valid")
                .description("storage confirmations received and verified").register(registry);
        this.invalidConfirmations = Counter.builder("walrus.publisher.confirmations").tag("result", "invalid")
                .description("storage confirmations received and verified").register(registry);
        this.shed = Counter.builder("walrus.publisher.shed").description("stores refused with 429").register(registry);
    }

    /** A store ended: {@code outcome} is newly_created, already_certified or the error reason. */
    public void store(String outcome, Duration latency) {
        Counter.builder("walrus.publisher.stores").tag("outcome", outcome).description("stores by outcome")
                .register(registry).increment();
        Timer.builder("walrus.publisher.store.latency").tag("outcome", outcome).description("store latency")
                .register(registry).record(latency);
    }

    public void bytesStored(long bytes) {
        bytesStored.record(bytes);
    }

    public void nodeUploadFailure(String node) {
        Counter.builder("walrus.publisher.node.upload.failures").tag("node", node)
                .description("node uploads (metadata, slivers, confirmation) that failed after retries")
                .register(registry).increment();
    }

    public void confirmation(boolean valid) {
        (valid ? confirmations : invalidConfirmations).increment();
    }

    public void shed() {
        shed.increment();
    }
}
