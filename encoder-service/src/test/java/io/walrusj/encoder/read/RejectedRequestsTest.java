package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.encoder.api.DaemonException;
import io.walrusj.web.RawHttp;
import io.walrusj.web.RejectedTargets;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat rejects before Spring MVC (encoded traversal, NUL, bad escapes, an overlong
 * request line), over raw sockets since HTTP clients normalize these paths: answered 400 with the
 * daemon's JSON error body, not Tomcat's HTML page. Same context as {@link AggregatorRejectionTest}.
 */
@SpringBootTest(classes = AggregatorRejectionTest.AggregatorOnly.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encoder.sui-rpc-url=http://127.0.0.1:9/", "encoder.chain-read-attempts=1",
        "encoder.committee-refresh=1h"})
class RejectedRequestsTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void requestsTomcatRejectsGetTheWalrusErrorBody() throws IOException {
        for (String target : RejectedTargets.ALL) {
            RawHttp r = RawHttp.get(port, target);
            String what = target.substring(0, Math.min(40, target.length()));
            assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
            assertThat(r.contentType()).as(what).startsWith("application/json");
            JsonNode error = JSON.readTree(r.body()).get("error");
            assertThat(error.get("code").asInt()).as(what).isEqualTo(400);
            assertThat(error.get("status").asString()).as(what).isEqualTo("INVALID_ARGUMENT");
            assertThat(error.get("message").asString()).as(what).isNotBlank();
            JsonNode info = error.get("details").get(0);
            assertThat(info.get("reason").asString()).as(what).isEqualTo("REQUEST_REJECTED");
            assertThat(info.get("domain").asString()).as(what).isEqualTo(DaemonException.DOMAIN);
        }
    }
}
