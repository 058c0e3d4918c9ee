package io.walrusj.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.walrusj.gateway.resilience.CircuitBreakerSetup;

/**
 * Hostile or slow uploaders (issue 12, item 3) on raw sockets against the gateway and a stub
 * encoder: a client that disconnects mid-body or sends too slowly is not an encoder failure, the
 * encoder's time limit starts once the body is through, and slow bodies are cut with 408. The
 * writes breaker here opens after 4 failed calls out of 4 and lets 1 trial call through when half open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.timeouts.write=1500ms",
        "gateway.circuit-breaker.sliding-window-size=20",
        "gateway.circuit-breaker.minimum-number-of-calls=4",
        "gateway.circuit-breaker.wait-in-open-state=30s",
        "gateway.circuit-breaker.permitted-calls-in-half-open-state=1",
        "gateway.body-deadline.grace=2s",
        "gateway.body-deadline.minimum-rate=1KB",
        "gateway.rate-limit.enabled=false",
})
class SlowClientsTest {

    private static final UpstreamStub ENCODER = UpstreamStub.start("encoder");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("gateway.encoder-urls[0]", () -> ENCODER.url().toString());
    }

    @AfterAll
    static void stopUpstream() {
        ENCODER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    private CircuitBreaker writes;
    private final AtomicInteger callsSeenByTheBreaker = new AtomicInteger();
    /** Bodies the encoder finished reading, whole or cut. */
    private final AtomicInteger bodiesEnded = new AtomicInteger();

    @BeforeEach
    void closedBreakerAndAReadingEncoder() {
        writes = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker(CircuitBreakerSetup.ENCODER_WRITES);
        writes.transitionToClosedState();
        writes.reset();
        writes.getEventPublisher().onSuccess(e -> callsSeenByTheBreaker.incrementAndGet());
        writes.getEventPublisher().onError(e -> callsSeenByTheBreaker.incrementAndGet());
        writes.getEventPublisher().onIgnoredError(e -> callsSeenByTheBreaker.incrementAndGet());
        ENCODER.reset();
        ENCODER.handleStreamingBody(readWholeBodyThenAnswer(null));
    }

    @Test
    void uploadsThatDisconnectMidBodyDoNotOpenTheWritesBreaker() {
        List<RawUpload> uploads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            RawUpload upload = RawUpload.start(port, "/v1/blobs?epochs=1", 100_000);
            upload.send(new byte[] {1});
            uploads.add(upload);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ENCODER.requests().size() == 16);
        for (RawUpload upload : uploads) {
            upload.send(new byte[] {2});
            upload.close();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> callsSeenByTheBreaker.get() >= 16);
        await().atMost(Duration.ofSeconds(10)).until(() -> bodiesEnded.get() == 16);
        assertThat(writes.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(writes.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(store(1000).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodySlowerThanTheMinimumRateIsCutWith408AndIsNotAnEncoderFailure() {
        // 10 declared bytes: the body deadline is 2 s grace + 10 ms; the write time limit is 1.5 s.
        try (RawUpload upload = RawUpload.start(port, "/v1/blobs", 10)) {
            upload.send(new byte[] {1});
            long started = System.nanoTime();

            assertThat(upload.awaitStatus()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
        // The encoder's request was aborted rather than left waiting for the rest.
        await().atMost(Duration.ofSeconds(5)).until(() -> bodiesEnded.get() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> callsSeenByTheBreaker.get() == 1);
        assertThat(writes.getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(writes.getMetrics().getNumberOfNotPermittedCalls()).isZero();
    }

    @Test
    void theEncoderTimeLimitStartsOnceTheBodyIsSent() {
        // 3 KB in 3 parts 0.9 s apart: over the 1.5 s write limit in all, above the 1 KB/s minimum rate.
        try (RawUpload upload = RawUpload.start(port, "/v1/blobs", 3000)) {
            for (int part = 0; part < 3; part++) {
                if (part > 0) {
                    pause(Duration.ofMillis(900));
                }
                assertThat(upload.send(new byte[1000])).isTrue();
            }

            assertThat(upload.awaitStatus()).isEqualTo(200);
        }
        assertThat(writes.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
        assertThat(writes.getMetrics().getNumberOfSlowCalls()).isZero();
    }

    @Test
    void anEncoderSlowAfterTheBodyStillTimesOutWith504AndCounts() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        ENCODER.handleStreamingBody(readWholeBodyThenAnswer(release));
        try {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = store(1000);

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
            assertThat(writes.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aSlowUploadDoesNotHoldTheHalfOpenTrialSlot() {
        writes.transitionToOpenState();
        writes.transitionToHalfOpenState();
        try (RawUpload slow = RawUpload.start(port, "/v1/blobs", 10)) {
            slow.send(new byte[] {1});
            await().atMost(Duration.ofSeconds(5)).until(() -> ENCODER.requests().size() == 1);

            // The slow upload holds the only trial call until its body deadline (about 2 s) cuts it;
            // after that a normal store is the trial call, succeeds and closes the breaker.
            await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(200))
                    .until(() -> store(1000).statusCode() == 200);
            assertThat(slow.awaitStatus()).isEqualTo(408);
        }
        assertThat(writes.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private HttpResponse<byte[]> store(int size) {
        GatewayClient gateway = new GatewayClient(port);
        return gateway.send(gateway.request("/v1/blobs?epochs=1").PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[size])));
    }

    /** Reads the body as it streams; answers 200 once it is whole (after {@code release}, if given). */
    private UpstreamStub.Handler readWholeBodyThenAnswer(CountDownLatch release) {
        return (request, exchange) -> {
            long declared = Long.parseLong(request.header("Content-Length"));
            long read;
            try (InputStream body = exchange.getRequestBody()) {
                read = body.readAllBytes().length;
            } catch (IOException cut) {
                read = -1;
            } finally {
                bodiesEnded.incrementAndGet();
            }
            if (read != declared) {
                return;
            }
            if (release != null) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            UpstreamStub.respond(exchange, 200, "{}".getBytes());
        };
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
