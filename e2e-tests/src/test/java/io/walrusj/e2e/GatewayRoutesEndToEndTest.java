package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.e2e.net.LocalNetwork;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the gateway's OpenAPI document, called through the gateway of the real suite
 * ({@link LocalNetwork}) with plausible parameters (a blob stored first, its object, valid
 * addresses), is answered by an upstream that implements it: never a "no route"/"no handler" answer
 * from the gateway, the encoder or the indexer (issue 12, item 12). A 404 with a Walrus error reason
 * (BLOB_NOT_FOUND) or the indexer's own "not found" is an implemented answer; a framework 404/405 is not.
 */
@Timeout(600)
class GatewayRoutesEndToEndTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    static final String GATEWAY_DOMAIN = "gateway.walrus.space";

    static LocalNetwork net;
    static URI gateway;
    static String blobId;
    static String objectId;

    @BeforeAll
    static void storeABlob() throws Exception {
        net = LocalNetwork.shared();
        gateway = net.gatewayUrl();
        HttpResponse<byte[]> stored = send(gateway, "PUT", "/v1/blobs?epochs=2", LocalNetwork.randomBlob(2000, 4242));
        assertThat(stored.statusCode()).as(text(stored)).isEqualTo(200);
        JsonNode blobObject = JSON.readTree(stored.body()).path("newlyCreated").path("blobObject");
        blobId = blobObject.path("blobId").asString();
        objectId = blobObject.path("id").asString();
        assertThat(blobId).isNotBlank();
        assertThat(objectId).startsWith("0x");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                () -> send(gateway, "GET", "/indexer/v1/objects/" + objectId, null).statusCode() == 200);
    }

    @Test
    void everyDocumentedOperationIsAnsweredByAnUpstreamThatImplementsIt() throws Exception {
        HttpResponse<byte[]> docs = send(gateway, "GET", "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase();
                if (!List.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH").contains(method)
                        || tags(operation.getValue()).contains("gateway")) {
                    continue;
                }
                String url = concrete(path.getKey()) + query(operation.getValue());
                byte[] body = switch (method) {
                    case "PUT" -> LocalNetwork.randomBlob(100, checked.size());
                    case "POST" -> ("{\"ids\":[\"" + blobId + "\"]}").getBytes(StandardCharsets.UTF_8);
                    default -> null;
                };
                HttpResponse<byte[]> answer = send(gateway, method, url, body);

                String what = method + " " + path.getKey() + " as " + url;
                assertThat(noRoute(answer)).as("%s answered %d %s", what, answer.statusCode(), text(answer)).isFalse();
                assertThat(gatewayFailure(answer)).as("%s answered %d %s", what, answer.statusCode(), text(answer))
                        .isFalse();
                // With a stored blob and valid IDs every documented operation succeeds.
                assertThat(answer.statusCode()).as("%s answered %d %s", what, answer.statusCode(), text(answer))
                        .isBetween(200, 299);
                checked.add(what);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(16);
    }

    /** The detector above tells a framework's "no route" from an upstream's "not found". */
    @Test
    void noRouteAnswersAreToldApartFromNotFoundAnswers() throws Exception {
        String unknownBlob = "A".repeat(43);
        // Quilts are not implemented: not routed by the gateway, no handler on the encoder.
        assertThat(noRoute(send(gateway, "GET", "/v1/quilts/" + blobId + "/patches", null))).isTrue();
        assertThat(noRoute(send(net.encoderUrl(), "GET", "/v1/quilts/" + blobId + "/patches", null))).isTrue();
        assertThat(noRoute(send(net.indexerUrl(), "GET", "/v1/no-such-route", null))).isTrue();
        assertThat(noRoute(send(gateway, "GET", "/indexer/v1/no-such-route", null))).isTrue();

        HttpResponse<byte[]> notFound = send(gateway, "GET", "/v1/blobs/" + unknownBlob, null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(noRoute(notFound)).as(text(notFound)).isFalse();
        HttpResponse<byte[]> indexerNotFound = send(gateway, "GET", "/indexer/v1/objects/0x" + "ee".repeat(32), null);
        assertThat(indexerNotFound.statusCode()).isEqualTo(404);
        assertThat(noRoute(indexerNotFound)).as(text(indexerNotFound)).isFalse();
    }

    /**
     * A 404/405 that no implementation of the operation gave: anything but a Walrus error with a
     * reason from an upstream domain, or a chain-indexer error other than Spring MVC's "no handler".
     */
    static boolean noRoute(HttpResponse<byte[]> answer) {
        if (answer.statusCode() != 404 && answer.statusCode() != 405) {
            return false;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException notJson) {
            return true;
        }
        JsonNode walrusError = body.path("error");
        if (walrusError.isObject()) {
            JsonNode info = walrusError.path("details").path(0);
            return info.path("reason").asString("").isEmpty() || GATEWAY_DOMAIN.equals(info.path("domain").asString(""));
        }
        if (body.path("status").isInt() && body.path("reason").isString()) {
            String reason = body.path("reason").asString();
            return reason.startsWith("No static resource") || reason.startsWith("No endpoint")
                    || reason.startsWith("Method '") || reason.startsWith("Request method");
        }
        return true; // e.g. Spring Boot's {"timestamp","path","status","error":"Not Found"}
    }

    /** 503/504 produced by the gateway (unreachable upstream, open circuit, timeout). */
    static boolean gatewayFailure(HttpResponse<byte[]> answer) {
        return answer.statusCode() >= 500 && text(answer).contains(GATEWAY_DOMAIN);
    }

    static List<String> tags(JsonNode operation) {
        List<String> tags = new ArrayList<>();
        operation.path("tags").forEach(tag -> tags.add(tag.asString()));
        return tags;
    }

    static String concrete(String documentedPath) {
        Matcher variables = PATH_VARIABLE.matcher(documentedPath);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String value = switch (variables.group(1)) {
                case "blob_id", "blobId" -> blobId;
                case "blob_object_id", "objectId" -> objectId;
                case "address" -> "0x" + "ef".repeat(32);
                default -> throw new AssertionError("no sample value for path variable " + variables.group(1)
                        + " of " + documentedPath);
            };
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    /** Values for the operation's required query parameters (and epochs for stores). */
    static String query(JsonNode operation) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (!"query".equals(parameter.path("in").asString()) || !parameter.path("required").asBoolean(false)) {
                continue;
            }
            String name = parameter.path("name").asString();
            pairs.add(name + "=" + switch (name) {
                case "start" -> "0";
                case "length" -> "10";
                case "ids" -> blobId;
                default -> throw new AssertionError("no sample value for query parameter " + name);
            });
        }
        if (operation.path("operationId").asString().equals("putBlob")) {
            pairs.add("epochs=1");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    static HttpResponse<byte[]> send(URI base, String method, String pathAndQuery, byte[] body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", "POST".equals(method) ? "application/json" : "application/octet-stream")
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(method + " " + pathAndQuery + " failed: " + e, e);
        }
    }

    static String text(HttpResponse<byte[]> answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }
}
