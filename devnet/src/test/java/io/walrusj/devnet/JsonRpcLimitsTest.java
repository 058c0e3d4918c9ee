package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The JSON-RPC endpoint bounds what a client can make it read, hold and send back: body size (HTTP
 * 413, declared or streamed), batch size (Sui's 50), echoed strings; and parameters it cannot use
 * are invalid params (-32602), not internal errors.
 */
class JsonRpcLimitsTest extends DevnetHttpTest {
    private static final int OVER_LIMIT = 100 * 1024; // the test chain allows 64 KB

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherDeclaredOrStreamed() throws Exception {
        String batch = batch(2000); // about 150 KB of valid requests
        assertThat(batch.length()).isGreaterThan(OVER_LIMIT);
        HttpResponse<String> declared = post(HttpRequest.BodyPublishers.ofString(batch));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(mapper.readTree(declared.body()).get("error").get("code").asInt()).isEqualTo(-32600);
        // no Content-Length (chunked): refused once more than the limit has arrived
        byte[] bytes = batch.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(mapper.readTree(streamed.body()).get("error").get("message").asString()).contains("65536");
    }

    @Test
    void aBatchOfMoreThanFiftyIsOneInvalidRequest() throws Exception {
        JsonNode tooMany = callRaw(batch(51));
        assertThat(tooMany.isObject()).isTrue();
        assertThat(tooMany.get("error").get("code").asInt()).isEqualTo(-32600);
        assertThat(tooMany.get("error").get("message").asString()).contains("50");
        JsonNode fifty = callRaw(batch(50));
        assertThat(fifty.isArray()).isTrue();
        assertThat(fifty).hasSize(50).allMatch(r -> r.has("result"));
        assertThat(callRaw("[]").get("error").get("code").asInt()).isEqualTo(-32600);
    }

    @Test
    void errorsDoNotEchoLongClientStrings() throws Exception {
        String method = "x".repeat(50_000);
        JsonNode unknown = call(method, "[]");
        assertThat(unknown.get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(unknown.get("error").get("message").asString()).hasSizeLessThanOrEqualTo(200).startsWith("Method not found: xxx").endsWith("characters)");
        JsonNode badAddress = call("sui_getObject", "[\"0x" + "z".repeat(50_000) + "\"]");
        assertThat(badAddress.get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(badAddress.get("error").get("message").asString()).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void unusableParamsAreInvalidParamsNotInternalErrors() throws Exception {
        String all = "{\"All\":[]}";
        assertThat(code("suix_queryEvents", "[" + all + ", null, 99999999999]")).isEqualTo(-32602);
        assertThat(code("suix_queryEvents", "[" + all + ", null, 1.5]")).isEqualTo(-32602);
        assertThat(code("suix_queryEvents", "[" + all + ", null, \"5\"]")).isEqualTo(-32602);
        assertThat(code("suix_queryEvents", "[" + all + ", null, 0]")).isEqualTo(-32602);
        assertThat(code("suix_queryEvents", "[" + all + ", null, 5, \"yes\"]")).isEqualTo(-32602);
        JsonNode cursor = result("suix_queryEvents", "[" + all + ", null, 1]").get("nextCursor");
        String farCursor = "{\"txDigest\":\"" + cursor.get("txDigest").asString() + "\",\"eventSeq\":\"99999999999\"}";
        assertThat(code("suix_queryEvents", "[" + all + ", " + farCursor + ", 5]")).isEqualTo(-32602);
        assertThat(code("sui_getObject", "[\"0x2\", {\"showType\":\"yes\"}]")).isEqualTo(-32602);
        String system = result("devnet_getChainInfo", "[]").get("systemObjectId").asString();
        assertThat(code("suix_getDynamicFieldObject", "[\"" + system + "\", {\"type\":\"vector<u8>\",\"value\":[99999999999]}]"))
                .isEqualTo(-32602);
        assertThat(code("suix_getDynamicFieldObject", "[\"" + system + "\", {\"type\":\"u64\",\"value\":\"-1\"}]"))
                .isEqualTo(-32602);
        assertThat(callRaw("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"sui_getLatestCheckpointSequenceNumber\"}")
                .get("error").get("code").asInt()).isEqualTo(-32600);
    }

    private int code(String method, String params) throws Exception {
        JsonNode response = call(method, params);
        assertThat(response.has("error")).as("%s %s answered %s", method, params, response).isTrue();
        return response.get("error").get("code").asInt();
    }

    private static String batch(int n) {
        StringJoiner out = new StringJoiner(",", "[", "]");
        for (int i = 0; i < n; i++) {
            out.add("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"sui_getLatestCheckpointSequenceNumber\",\"params\":[]}");
        }
        return out.toString();
    }
}
