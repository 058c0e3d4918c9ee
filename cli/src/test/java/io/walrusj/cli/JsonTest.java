package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void parsesAllValueKinds() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"x\\u00e9\\n\\\"\"}, \"d\": 18446744073709551615} ");

        Map<String, Object> map = Json.object(value);
        assertThat(map.get("a")).isEqualTo(java.util.Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), true, false, null));
        assertThat(Json.text(map.get("b"), "c")).isEqualTo("x\u00e9\n\"");
        assertThat(Json.text(value, "d")).isEqualTo("18446744073709551615");
        assertThat(Json.parse("[]")).isEqualTo(List.of());
        assertThat(Json.parse("\"nonexistent\"")).isEqualTo("nonexistent");
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "tru", "{} x", "\"\\q\"", "01x"}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(Json.JsonException.class);
        }
    }

    @Test
    void describesErrorBodies() {
        assertThat(GatewayClient.describeError(400, "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"message\":\"m\"}}"))
                .isEqualTo("the gateway answered 400 INVALID_ARGUMENT: m");
        assertThat(GatewayClient.describeError(500, "{\"timestamp\":\"t\",\"status\":500,\"error\":\"Internal Server Error\",\"path\":\"/x\"}"))
                .isEqualTo("the gateway answered 500 Internal Server Error");
        assertThat(GatewayClient.describeError(400, "{not json")).isEqualTo("the gateway answered 400: {not json");
        assertThat(GatewayClient.describeError(429, "")).isEqualTo("the gateway answered 429 Too Many Requests");
        assertThat(GatewayClient.describeError(400, "x".repeat(600))).hasSize("the gateway answered 400: ".length() + 503);
    }
}
