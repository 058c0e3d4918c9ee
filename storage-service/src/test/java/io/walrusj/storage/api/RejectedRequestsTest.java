package io.walrusj.storage.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.storage.testing.NodeChain;
import io.walrusj.web.RawHttp;
import io.walrusj.web.RejectedTargets;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests no controller answers, over raw sockets (HTTP clients normalize these paths): the ones
 * Tomcat rejects before Spring MVC (encoded traversal, NUL, bad escapes, an overlong request line)
 * and unknown routes get the node's JSON error body, not Tomcat's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RejectedRequestsTest {
    static final SuiAddress NODE = FakeSuiChain.addr(0x0a);
    static final FakeSuiChain CHAIN = NodeChain.start(10, 5, Map.of(NODE, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry r) {
        NodeChain.registerNodeProperties(CHAIN, r, NODE, "storage-rejected-test");
    }

    @LocalServerPort
    int port;

    @Test
    void requestsTomcatRejectsGetTheWalrusErrorBody() throws IOException {
        for (String target : RejectedTargets.ALL) {
            RawHttp r = RawHttp.get(port, target);
            assertWalrusError(r, target.substring(0, Math.min(40, target.length())), 400, "INVALID_ARGUMENT");
        }
    }

    @Test
    void unknownRoutesGetTheWalrusErrorBody() throws IOException {
        assertWalrusError(RawHttp.get(port, "/v1/no-such-route"), "unknown route", 404, "NOT_FOUND");
    }

    static void assertWalrusError(RawHttp r, String what, int code, String status) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(code);
        assertThat(r.contentType()).as(what).startsWith("application/json");
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertThat(error.get("code").asInt()).as(what).isEqualTo(code);
        assertThat(error.get("status").asString()).as(what).isEqualTo(status);
        assertThat(error.get("message").asString()).as(what).isNotBlank();
        JsonNode info = error.get("details").get(0);
        assertThat(info.get("reason").asString()).as(what).isEqualTo("REQUEST_REJECTED");
        assertThat(info.get("domain").asString()).as(what).isEqualTo(ApiException.DOMAIN);
    }
}
