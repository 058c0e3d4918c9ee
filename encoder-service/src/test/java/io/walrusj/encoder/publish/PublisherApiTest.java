package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.encoder.api.LoadShedFilter;
import io.walrusj.encoder.auth.TestTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
 * {@code PUT /v1/blobs} rejection paths over real HTTP, with JWT auth on and no chain at all (the
 * RPC URL points at a closed port): every answer here comes before the chain is needed, or is the
 * 503 of an unreachable chain. One request at a time and one waiting, so the load shedder is testable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublisherApiTest {
    static final String SECRET = "api-test-secret";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) throws IOException {
        Path dir = Files.createTempDirectory("publisher-api-test");
        r.add("encoder.sui-rpc-url", () -> "http://127.0.0.1:9/");
        r.add("encoder.chain-read-attempts", () -> "1"); // no chain: 503 at once, not after retries
        r.add("publisher.data-dir", dir::toString);
        r.add("publisher.max-body-size", () -> "1KB");
        r.add("publisher.max-concurrent-requests", () -> "1");
        r.add("publisher.max-buffered-requests", () -> "1");
        r.add("publisher.jwt.decode-secret", () -> SECRET);
    }

    @LocalServerPort
    int port;
    @Autowired
    PublisherWallet wallet;
    @Autowired
    @Qualifier("publisherLoadShedding")
    FilterRegistrationBean<LoadShedFilter> shedding;

    static String token() {
        return token(Instant.now().getEpochSecond() + 600);
    }

    static String token(long exp) {
        return TestTokens.hs256(SECRET, "{\"exp\":" + exp + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
    }

    HttpResponse<String> put(String query, String token, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/blobs" + query))
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertPlain(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
    }

    static void assertError(HttpResponse<String> r, int status, String reason, String domain) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(status);
        JsonNode info = error.path("details").get(0);
        assertThat(info.path("@type").asString()).isEqualTo("ErrorInfo");
        assertThat(info.path("reason").asString()).isEqualTo(reason);
        assertThat(info.path("domain").asString()).isEqualTo(domain);
    }

    @Test
    void unknownRepeatedOrIllTypedParametersArePlainText400() throws Exception {
        assertPlain(put("?colour=blue", token(), new byte[1]), 400);
        assertPlain(put("?epochs=abc", token(), new byte[1]), 400);
        assertPlain(put("?epochs=1&epochs=2", token(), new byte[1]), 400);
        assertPlain(put("?encoding_type=RS3", token(), new byte[1]), 400);
        assertPlain(put("?share=true&send_object_to=0x1", token(), new byte[1]), 400);
    }

    @Test
    void handlerChecksAreJsonErrors() throws Exception {
        assertError(put("?permanent=true&deletable=true", token(), new byte[1]), 400, "INVALID_BLOB_PERSISTENCE",
                "daemon.walrus.space");
        assertError(put("?epochs=0", token(), new byte[1]), 400, "MALFORMED_REQUEST", "daemon.walrus.space");
        assertError(put("?epochs=54", token(), new byte[1]), 400, "MALFORMED_REQUEST", "daemon.walrus.space");
        assertError(put("?encoding_type=RedStuffRaptorQ", token(), new byte[1]), 400, "MALFORMED_REQUEST",
                "daemon.walrus.space");
        assertError(put("?share=true", token(), new byte[1]), 400, "UNSUPPORTED_POST_STORE_ACTION", "daemon.walrus.space");
        assertError(put("?send_object_to=0x1", token(), new byte[1]), 400, "UNSUPPORTED_POST_STORE_ACTION",
                "daemon.walrus.space");
    }

    @Test
    void sendObjectToThePublisherWalletIsTheDefaultAndPassesToTheStore() throws Exception {
        assertError(put("?send_object_to=" + wallet.address(), token(), new byte[1]), 503, "CHAIN_UNAVAILABLE",
                "daemon.walrus.space");
    }

    @Test
    void bodiesOverTheLimitAre413() throws Exception {
        HttpResponse<String> r = put("", token(), new byte[1025]);
        assertPlain(r, 413);
        assertThat(r.body()).contains("length limit exceeded");
    }

    @Test
    void authFailures() throws Exception {
        assertPlain(put("", null, new byte[1]), 400);
        assertError(put("", TestTokens.hs256("wrong-secret", "{\"exp\":" + (Instant.now().getEpochSecond() + 60)
                + ",\"jti\":\"w\"}"), new byte[1]), 401, "INVALID_SIGNATURE", "auth.publisher.walrus.space");
        assertError(put("", token(Instant.now().getEpochSecond() - 120), new byte[1]), 504, "EXPIRED_SIGNATURE",
                "auth.publisher.walrus.space");
        assertError(put("", "not-a-jwt", new byte[1]), 400, "INVALID_TOKEN", "auth.publisher.walrus.space");
        String withSize = TestTokens.hs256(SECRET, "{\"exp\":" + (Instant.now().getEpochSecond() + 60)
                + ",\"jti\":\"sized\",\"max_size\":3}");
        assertError(put("", withSize, new byte[4]), 400, "INVALID_SIZE", "auth.publisher.walrus.space");
    }

    @Test
    void aTokenIsAcceptedOnceAndAStoreWithoutAChainIs503() throws Exception {
        String token = token();
        assertError(put("", token, "blob".getBytes()), 503, "CHAIN_UNAVAILABLE", "daemon.walrus.space");
        assertError(put("", token, "blob".getBytes()), 429, "TOKEN_ALREADY_USED", "auth.publisher.walrus.space");
    }

    @Test
    void requestsBeyondConcurrencyAndBufferAreShedWith429() throws Exception {
        // Raw requests whose bodies are only half sent: one holds the only slot while the handler waits
        // for the rest of its body, the other waits for the slot.
        try (Socket running = halfSentStore(); Socket waiting = halfSentStore()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> shedding.getFilter().inFlight() == 2);
            HttpResponse<String> shed = put("", token(), new byte[1]);
            assertPlain(shed, 429);
            assertThat(shed.body()).isEqualTo("the publisher is receiving too many requests; please try again later");
            for (Socket s : new Socket[] {running, waiting}) { // either may be the one holding the slot
                s.getOutputStream().write("-rest-".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            for (Socket s : new Socket[] {running, waiting}) {
                String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertThat(response).startsWith("HTTP/1.1 503"); // both went on to the (missing) chain
            }
        }
        assertError(put("", token(), new byte[1]), 503, "CHAIN_UNAVAILABLE", "daemon.walrus.space");
    }

    private Socket halfSentStore() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("PUT /v1/blobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token()
                + "\r\nContent-Length: 10\r\nConnection: close\r\n\r\nhalf").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
