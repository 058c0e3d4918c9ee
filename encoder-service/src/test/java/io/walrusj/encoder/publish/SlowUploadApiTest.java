package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.encoder.api.LoadShedFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slow request bodies over real sockets (issue 12, item 4): a body behind its pace (100 bytes/s
 * after a 1 s grace) or silent for the 2 s read timeout is cut with 408 and frees its slot; one
 * client (by peer address: the sockets bind 127.0.0.x) holds at most 2 of the 3 + 3 places. No chain:
 * a store that gets past the body ends in 503 CHAIN_UNAVAILABLE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowUploadApiTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration GRACE = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("slow-upload-test");
        r.add("encoder.sui-rpc-url", () -> "http://127.0.0.1:9/");
        r.add("encoder.chain-read-attempts", () -> "1"); // no chain: 503 at once, not after retries
        r.add("publisher.data-dir", dir::toString);
        r.add("publisher.max-body-size", () -> "10MB");
        r.add("publisher.max-concurrent-requests", () -> "3");
        r.add("publisher.max-buffered-requests", () -> "3");
        r.add("publisher.max-requests-per-client", () -> "2");
        r.add("publisher.body-min-rate", () -> "100B");
        r.add("publisher.body-grace", () -> GRACE.toMillis() + "ms");
        r.add("publisher.body-read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("publisherLoadShedding")
    FilterRegistrationBean<LoadShedFilter> shedding;

    /** A raw {@code PUT /v1/blobs} from {@code localAddress} declaring {@code declared} bytes; nothing of the body sent yet. */
    Socket upload(String localAddress, long declared) throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0);
        socket.getOutputStream().write(("PUT /v1/blobs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + declared
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends {@code bytes} every {@code interval} until the socket fails or closes. */
    static void trickle(Socket socket, int bytes, Duration interval) {
        Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = socket.getOutputStream();
                while (!socket.isClosed()) {
                    out.write(new byte[bytes]);
                    out.flush();
                    Thread.sleep(interval);
                }
            } catch (IOException | InterruptedException e) {
                // the server cut the upload, or the test closed it
            }
        });
    }

    record RawResponse(int status, String body) {}

    /** The response on {@code socket}: status line, headers, and a Content-Length, first-chunk or until-closed body. */
    static CompletableFuture<RawResponse> response(Socket socket) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                InputStream in = socket.getInputStream();
                int status = Integer.parseInt(line(in).split(" ")[1]);
                long length = -1;
                boolean chunked = false;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).strip());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunked = true;
                    }
                }
                if (chunked) {
                    length = Long.parseLong(line(in).strip(), 16);
                }
                byte[] body = length < 0 ? in.readAllBytes() : in.readNBytes((int) length); // no length: until closed
                return new RawResponse(status, new String(body, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("no response: " + e, e);
            }
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    static void assertBodyTimeout(RawResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(408);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(408);
        assertThat(error.path("details").get(0).path("reason").asString()).isEqualTo("REQUEST_BODY_TIMEOUT");
        assertThat(error.path("details").get(0).path("domain").asString()).isEqualTo("daemon.walrus.space");
    }

    @Test
    void aTricklingUploadIsCutWith408ByItsDeadlineAndFreesItsSlot() throws Exception {
        // 10 bytes/s against 100 bytes/s after 1 s: behind the pace from about 1.1 s on; the declared
        // 100,000 bytes would otherwise take 10,000 s, and every byte resets the connection timeout.
        try (Socket slow = upload("127.0.0.4", 100_000)) {
            long start = System.nanoTime();
            trickle(slow, 1, Duration.ofMillis(100));
            await().atMost(Duration.ofSeconds(5)).until(() -> shedding.getFilter().inFlight("127.0.0.4") == 1);
            RawResponse r = response(slow).get(GRACE.plus(READ_TIMEOUT).toSeconds() + 5, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertBodyTimeout(r);
            assertThat(took).isGreaterThanOrEqualTo(GRACE).isLessThan(GRACE.plus(READ_TIMEOUT).plusSeconds(2));
            // and the connection closes, though the client goes on trickling: the rest is not read
            slow.setSoTimeout(5000);
            assertThat(slow.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII).matches("\\s*0\\s*|");
            await().atMost(Duration.ofSeconds(5)).until(() -> shedding.getFilter().inFlight("127.0.0.4") == 0);
        }
    }

    @Test
    void aStalledUploadIsCutByTheReadTimeout() throws Exception {
        try (Socket stalled = upload("127.0.0.5", 1000)) {
            stalled.getOutputStream().write(new byte[10]);
            stalled.getOutputStream().flush();
            long start = System.nanoTime();
            RawResponse r = response(stalled).get(READ_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            // Tomcat answers a read that timed out with 408 itself (sendError): the body is the error
            // path's (service-web), not the publisher's REQUEST_BODY_TIMEOUT
            assertThat(r.status()).as(r.body()).isEqualTo(408);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(READ_TIMEOUT.minusMillis(100));
            await().atMost(Duration.ofSeconds(5)).until(() -> shedding.getFilter().inFlight("127.0.0.5") == 0);
        }
    }

    @Test
    void oneClientsSlowUploadsDoNotHoldEverySlotAndANormalStoreGoesThrough() throws Exception {
        // Six uploads from one client, as many as there are places, each fast enough for its pace
        // (500 bytes/s) but far from done (1 MB declared): two are admitted, four are shed.
        List<Socket> sockets = new ArrayList<>();
        try {
            List<CompletableFuture<RawResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Socket s = upload("127.0.0.2", 1_000_000);
                sockets.add(s);
                trickle(s, 50, Duration.ofMillis(100));
                answers.add(response(s));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> answers.stream().filter(CompletableFuture::isDone).count() == 4);
            assertThat(answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).map(RawResponse::status))
                    .containsOnly(429);
            assertThat(shedding.getFilter().inFlight("127.0.0.2")).isEqualTo(2);

            long start = System.nanoTime();
            HttpResponse<String> normal = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/blobs"))
                    .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024])).build(),
                    HttpResponse.BodyHandlers.ofString());
            // past the shedder and the body: the store itself fails only for want of a chain
            assertThat(normal.statusCode()).as(normal.body()).isEqualTo(503);
            assertThat(normal.body()).contains("CHAIN_UNAVAILABLE");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(shedding.getFilter().inFlight("127.0.0.2")).as("the slow uploads are still in progress").isEqualTo(2);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        // a client that goes away frees its places too
        await().atMost(Duration.ofSeconds(10)).until(() -> shedding.getFilter().inFlight() == 0);
    }
}
