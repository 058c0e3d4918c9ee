package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.walrusj.encoder.api.LoadShedFilter;
import io.walrusj.encoder.api.LoadShedder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@Timeout(10)
class ReadLoadSheddingTest {
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final LoadShedFilter filter = ReadLoadShedding.filter(new LoadShedder(1, 1),
            new ReadMetrics(registry));

    @Test
    void beyondRunningPlusQueuedReadsAre429PlainText() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread running = Thread.ofVirtual().start(() -> run(inside, release));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch secondInside = new CountDownLatch(1);
        Thread queued = Thread.ofVirtual().start(() -> run(secondInside, new CountDownLatch(0)));
        // the queue slot is taken once the second request waits; give it a moment to get there
        Thread.sleep(200);
        assertThat(secondInside.getCount()).as("the queued read waits for the running one").isEqualTo(1);

        MockHttpServletResponse shed = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/v1/blobs/x"), shed, (req, res) -> {
            throw new AssertionError("must not run");
        });
        assertThat(shed.getStatus()).isEqualTo(429);
        assertThat(shed.getContentType()).startsWith("text/plain");
        assertThat(shed.getContentAsString()).isEqualTo("the aggregator is receiving too many requests; please try again later");
        assertThat(registry.get("walrus.aggregator.reads").tag("outcome", "shed").counter().count()).isEqualTo(1);

        release.countDown();
        running.join();
        queued.join();
        assertThat(secondInside.getCount()).isZero();
    }

    @Test
    void writesAreNotCountedHere() throws Exception {
        MockHttpServletRequest put = new MockHttpServletRequest("PUT", "/v1/blobs");
        assertThat(filter.shouldNotFilter(put)).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/v1/blobs/x"))).isFalse();
    }

    private void run(CountDownLatch inside, CountDownLatch release) {
        try {
            filter.doFilter(new MockHttpServletRequest("GET", "/v1/blobs/x"), new MockHttpServletResponse(), (req, res) -> {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
