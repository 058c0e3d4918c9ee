package io.walrusj.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.web.testapp.TestApplication;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shared Tomcat error handling in a minimal service, over raw sockets. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "logging.level.io.walrusj.web=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class ServiceWebTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void requestsTomcatRejectsGetTheServicesJsonBody(CapturedOutput output) throws IOException {
        int mark = output.getAll().length();
        for (String target : RejectedTargets.ALL) {
            RawHttp r = RawHttp.get(port, target);
            String what = target.length() > 40 ? target.substring(0, 40) + "..." : target;
            assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).as(what).startsWith("application/json");
            JsonNode error = JSON.readTree(r.body()).get("testError");
            assertThat(error).as(what + ": " + r.body()).isNotNull();
            assertThat(error.get("code").asInt()).isEqualTo(400);
            assertThat(error.get("message").asString()).isNotBlank().hasSizeLessThanOrEqualTo(ErrorJson.MAX_MESSAGE);
        }
        // and a plain request still works
        assertThat(RawHttp.get(port, "/v1/blobs/abc").body()).isEqualTo("abc");
        // client faults: no error, no stack trace (Tomcat logs its first parse error with one)
        assertThat(output.getAll().substring(mark)).doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void errorsForwardedToTheErrorPathGetTheServicesJsonBody() throws IOException {
        RawHttp r = RawHttp.get(port, "/no/such/route");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(JSON.readTree(r.body()).get("testError").get("code").asInt()).isEqualTo(404);
    }

    @Test
    void aClientLeavingMidResponseIsNoError(CapturedOutput output) throws IOException {
        int mark = output.getAll().length();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            in.readNBytes(4096); // the headers and the start of the body, then reset the connection
            socket.setSoLinger(true, 0);
        }
        assertQuietDisconnect(output, mark);
    }

    @Test
    void aClientLeavingMidBodyIsNoError(CapturedOutput output) throws IOException {
        int mark = output.getAll().length();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PUT /body HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1000]);
            out.flush();
        } // closed after 1000 of 1,000,000 bytes: the server reads EOF
        assertQuietDisconnect(output, mark);
    }

    /** Waits for the server to have dealt with the disconnect, then checks it logged no error. */
    private static void assertQuietDisconnect(CapturedOutput output, int mark) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String log = output.getAll().substring(mark);
            return log.contains("client went away") || log.contains("ERROR");
        });
        String log = output.getAll().substring(mark);
        assertThat(log).contains("client went away").doesNotContain("ERROR").doesNotContain("\tat ");
    }
}
