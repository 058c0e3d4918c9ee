package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.web.RawHttp;
import io.walrusj.web.RejectedTargets;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Requests Tomcat rejects before Spring MVC (encoded traversal, NUL, bad escapes, an overlong
 * request line) and unknown paths, over raw sockets since HTTP clients normalize these paths:
 * answered with a JSON-RPC error body, not Tomcat's HTML page.
 */
class RejectedRequestsTest extends DevnetHttpTest {

    @Test
    void requestsTomcatRejectsGetAJsonRpcError() throws IOException {
        for (String target : RejectedTargets.ALL) {
            assertJsonRpcError(RawHttp.get(port, target), target.substring(0, Math.min(40, target.length())), 400);
        }
    }

    @Test
    void unknownPathsGetAJsonRpcError() throws IOException {
        assertJsonRpcError(RawHttp.get(port, "/no/such/path"), "unknown path", 404);
    }

    void assertJsonRpcError(RawHttp r, String what, int status) {
        assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(what).startsWith("application/json");
        JsonNode body = mapper.readTree(r.body());
        assertThat(body.get("jsonrpc").asString()).as(what).isEqualTo("2.0");
        assertThat(body.get("error").get("code").asInt()).as(what).isEqualTo(-32600);
        assertThat(body.get("error").get("message").asString()).as(what).isNotBlank();
        assertThat(body.get("id").isNull()).as(what).isTrue();
    }
}
