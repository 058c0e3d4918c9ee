package io.walrusj.storage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.limits.BoundedBodyReader;
import io.walrusj.storage.limits.RequestBodyBudget;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.testing.NodeChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Request bodies against a node-wide budget (issue 12, item 5), over real sockets: connections that
 * declare large bodies and trickle hold at most the budget, the next body is refused with 503
 * UNAVAILABLE (domain global), and everything is given back when they disconnect or miss their deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestBodyBudgetApiTest {
    static final SuiAddress NODE = FakeSuiChain.addr(0x1a);
    static final FakeSuiChain CHAIN = NodeChain.start(StorageNodeApiTest.N, StorageNodeApiTest.EPOCH,
            Map.of(NODE, StorageNodeApiTest.OWNED, StorageNodeApiTest.OTHER, List.of(7, 8, 9)));
    static final int SLOW = 6;
    /** Room for exactly SLOW first buffers. */
    static final long BUDGET = SLOW * (long) BoundedBodyReader.INITIAL_BUFFER;
    /** Below the PUT sliver limit at n = 10 (7 * 65534 + 128). */
    static final long DECLARED = 400_000;

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "body-budget-test");
        r.add("storage.request-body-budget", () -> BUDGET);
        // 400,000 declared bytes must arrive within 2 s
        r.add("storage.request-body-min-rate", () -> 200_000);
        r.add("storage.request-body-min-time", () -> "500ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    NodeState state;
    @Autowired
    BoundedBodyReader reader;
    @Autowired
    MeterRegistry registry;

    RequestBodyBudget budget;

    @BeforeEach
    void chainRead() {
        await().atMost(Duration.ofSeconds(20)).until(() -> state.get().fromChain());
        budget = reader.budget();
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.reserved() == 0);
    }

    String sliverPut(EncodedBlob b, long contentLength) {
        int pair = StorageNodeApiTest.ownedPairs(b.blobId()).getFirst();
        return "PUT " + StorageNodeApiTest.sliverPath(b.blobId(), pair, SliverType.PRIMARY) + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/octet-stream\r\nContent-Length: " + contentLength
                + "\r\n\r\n";
    }

    /** Sends {@code head} and the first {@code bodyBytes} body bytes; the connection stays open. */
    Socket open(String head, int bodyBytes) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = s.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[bodyBytes]);
        out.flush();
        return s;
    }

    /** Reads the response until the server closes the connection (errors drop it) or 10 s pass. */
    static String response(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        try {
            int r;
            while ((r = in.read(buf)) >= 0) {
                out.write(buf, 0, r);
                if (out.toString(StandardCharsets.UTF_8).contains("}}")) {
                    break; // the whole JSON error body
                }
            }
        } catch (SocketTimeoutException e) {
            // answer as far as it came
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    double reservedMetric() {
        return registry.get("walrus.request.body.reserved").gauge().value();
    }

    @Test
    void tricklingConnectionsHoldAtMostTheBudgetAndTheNextBodyGets503() throws Exception {
        EncodedBlob b = StorageNodeApiTest.newBlob();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW; i++) {
                slow.add(open(sliverPut(b, DECLARED), 1)); // declares 400,000 bytes, sends one
            }
            // each holds one 64 KiB buffer, not the 400,000 bytes it declared
            await().atMost(Duration.ofSeconds(10)).until(() -> budget.reserved() == BUDGET);
            assertThat(reservedMetric()).isEqualTo((double) BUDGET);
            double refusedBefore = registry.get("walrus.request.body.refused").functionCounter().count();

            // the budget is full: the next body is refused at once, before it is read, with the spec's 503
            try (Socket next = open(sliverPut(b, DECLARED), 1)) {
                String answer = response(next);
                assertThat(answer).startsWith("HTTP/1.1 503");
                assertThat(answer).contains("\"status\":\"UNAVAILABLE\"", "\"reason\":\"UNAVAILABLE\"",
                        "\"domain\":\"global\"", "budget");
            }
            assertThat(budget.reserved()).isEqualTo(BUDGET);
            assertThat(registry.get("walrus.request.body.refused").functionCounter().count()).isGreaterThan(refusedBefore);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // disconnected: every byte is given back, and a body is read again (the sliver of an
        // unregistered blob without metadata is refused after reading: METADATA_NOT_FOUND)
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.reserved() == 0);
        assertThat(reservedMetric()).isZero();
        int pair = StorageNodeApiTest.ownedPairs(b.blobId()).getFirst();
        byte[] sliver = b.pair(pair).primary().toBcs();
        try (Socket s = open(sliverPut(b, sliver.length), 0)) {
            s.getOutputStream().write(sliver);
            String answer = response(s);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"reason\":\"METADATA_NOT_FOUND\"");
        }
    }

    @Test
    void aBodySlowerThanTheMinimumRateIsCutAtItsDeadlineAndGivesBackItsBudget() throws Exception {
        EncodedBlob b = StorageNodeApiTest.newBlob();
        AtomicBoolean stop = new AtomicBoolean();
        try (Socket s = open(sliverPut(b, DECLARED), 1)) {
            long start = System.nanoTime();
            Thread trickler = Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) { // one byte every 50 ms: 20 B/s, far below 200,000 B/s
                        Thread.sleep(50);
                        s.getOutputStream().write(1);
                        s.getOutputStream().flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // closed
                }
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> budget.reserved() > 0);
            String answer = response(s);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("\"reason\":\"INVALID_CONTENT_TYPE\"",
                    "was not received within 2000 ms");
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(8));
            // given back while the client is still connected and sending
            await().atMost(Duration.ofSeconds(5)).until(() -> budget.reserved() == 0);
            stop.set(true);
            trickler.join(Duration.ofSeconds(5));
        }
    }
}
