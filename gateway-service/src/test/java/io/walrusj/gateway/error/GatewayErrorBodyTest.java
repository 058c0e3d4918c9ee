package io.walrusj.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Paths no route takes (encoded traversal, {@code ..;}, unknown paths), sent over a raw socket
 * (HTTP clients normalize them) by a browser-like client: the answer is the gateway's JSON error
 * body, never Spring Boot's HTML whitelabel page. No upstream is needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.encoder-urls[0]=http://127.0.0.1:9/",
        "gateway.indexer-url=http://127.0.0.1:9/"})
class GatewayErrorBodyTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void pathsNoRouteTakesGetTheJsonErrorBodyEvenForBrowsers() throws IOException {
        for (String target : List.of("/%2e%2e/", "/..;/", "/%2e%2e%2f%2e%2e%2fetc", "/no/such/route")) {
            for (String accept : List.of("text/html,application/xhtml+xml,*/*;q=0.8", "*/*")) {
                String answer = exchange("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accept
                        + "\r\nConnection: close\r\n\r\n");
                String what = target + " (" + accept + "): " + answer;
                int split = answer.indexOf("\r\n\r\n");
                String head = answer.substring(0, split).toLowerCase();
                assertThat(head).as(what).startsWith("http/1.1 404").contains("content-type: application/json");
                JsonNode error = JSON.readTree(answer.substring(split + 4)).get("error");
                assertThat(error.get("code").asInt()).as(what).isEqualTo(404);
                assertThat(error.get("status").asString()).as(what).isEqualTo("NOT_FOUND");
                assertThat(error.get("details").get(0).get("domain").asString()).isEqualTo(GatewayError.DOMAIN);
            }
        }
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    out.write(buf, 0, n);
                }
            } catch (SocketException e) {
                // reset after the answer
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
