package io.walrusj.chain.rpc;

import io.walrusj.core.crypto.SuiAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small, thread-safe client for the read methods of Sui's JSON-RPC API that Walrus needs.
 *
 * <p>Every call is one JSON-RPC 2.0 request, {@code {"jsonrpc":"2.0","id":<n>,"method":..,
 * "params":[..]}}, POSTed to the endpoint with positional parameters; ids increase by one per
 * request. Method signatures follow Sui's API definitions in {@code crates/sui-json-rpc-api/src/}
 * ({@code read.rs}: {@code sui_getObject}, {@code sui_multiGetObjects},
 * {@code sui_getLatestCheckpointSequenceNumber}; {@code indexer.rs}: {@code suix_queryEvents},
 * {@code suix_getDynamicFieldObject}), which is also what the JSON-RPC reference at
 * https://docs.sui.io/sui-api-ref documents; result types follow
 * {@code crates/sui-json-rpc-types/src/} ({@code sui_event.rs}, {@code sui_object.rs}).
 *
 * <p>Failures are typed: {@link SuiRpcException} (the node returned a JSON-RPC error object),
 * {@link SuiTransportException} (I/O, timeout, interrupt, non-2xx HTTP status),
 * {@link SuiProtocolException} (2xx but not the expected JSON-RPC response). The client does not
 * retry; {@link io.walrusj.chain.follow.EventFollower} does.
 */
public final class SuiRpcClient implements AutoCloseable {

    /** Sui's {@code QUERY_MAX_RESULT_LIMIT}: the largest page size a full node serves. */
    public static final int MAX_PAGE_SIZE = 50;

    private static final int SNIPPET = 512;

    private final URI endpoint;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final Duration requestTimeout;
    private final AtomicLong nextId = new AtomicLong(1);

    private SuiRpcClient(Builder b) {
        this.endpoint = b.endpoint;
        this.requestTimeout = b.requestTimeout;
        if (b.httpClient != null) {
            this.http = b.httpClient;
            this.ownsHttp = false;
        } else {
            this.http = HttpClient.newBuilder()
                    .connectTimeout(b.connectTimeout)
                    .version(b.httpVersion)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            this.ownsHttp = true;
        }
    }

    /** A client for {@code endpoint} with default timeouts (connect 5 s, request 30 s). */
    public static SuiRpcClient create(URI endpoint) {
        return builder(endpoint).build();
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** The endpoint this client posts to. */
    public URI endpoint() {
        return endpoint;
    }

    // ------------------------------------------------------------------ typed methods

    /**
     * {@code suix_queryEvents(query, cursor, limit, descending_order)}: the events matching
     * {@code filter} strictly after {@code cursor} (or from the first event if {@code null}), at
     * most {@code limit} of them ({@code null}: the node's default, 50), oldest first unless
     * {@code descending}.
     */
    public EventPage queryEvents(EventFilter filter, EventId cursor, Integer limit, boolean descending) {
        Objects.requireNonNull(filter, "filter");
        if (limit != null && (limit < 1 || limit > MAX_PAGE_SIZE)) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_PAGE_SIZE + "], got " + limit);
        }
        ArrayNode params = Json.NODES.arrayNode();
        params.add(filter.toJson());
        if (cursor == null) {
            params.addNull();
        } else {
            params.add(cursor.toJson());
        }
        if (limit == null) {
            params.addNull();
        } else {
            params.add(limit.intValue());
        }
        params.add(descending);
        String method = "suix_queryEvents";
        return EventPage.fromJson(method, call(method, params));
    }

    /** {@link #queryEvents(EventFilter, EventId, Integer, boolean)} in ascending order. */
    public EventPage queryEvents(EventFilter filter, EventId cursor, int limit) {
        return queryEvents(filter, cursor, limit, false);
    }

    /** {@code sui_getObject(object_id, options)}. A missing object is a response with an error, not an exception. */
    public SuiObjectResponse getObject(SuiAddress objectId, ObjectDataOptions options) {
        ArrayNode params = Json.NODES.arrayNode();
        params.add(objectId.toString());
        params.add(options.toJson());
        String method = "sui_getObject";
        return SuiObjectResponse.fromJson(method, call(method, params), "result");
    }

    /**
     * {@code sui_multiGetObjects(object_ids, options)}: one response per ID, in request order
     * (the node rejects duplicates and more than 50 IDs).
     */
    public List<SuiObjectResponse> multiGetObjects(List<SuiAddress> objectIds, ObjectDataOptions options) {
        ArrayNode ids = Json.NODES.arrayNode();
        objectIds.forEach(id -> ids.add(id.toString()));
        ArrayNode params = Json.NODES.arrayNode();
        params.add(ids);
        params.add(options.toJson());
        String method = "sui_multiGetObjects";
        JsonNode result = call(method, params);
        if (!result.isArray()) {
            throw Json.bad(method, "result", "expected an array, got " + Json.describe(result));
        }
        if (result.size() != objectIds.size()) {
            throw Json.bad(method, "result", "expected " + objectIds.size() + " responses, got " + result.size());
        }
        List<SuiObjectResponse> out = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            out.add(SuiObjectResponse.fromJson(method, result.get(i), "result[" + i + "]"));
        }
        return out;
    }

    /**
     * {@code suix_getDynamicFieldObject(parent_object_id, name)}: the {@code Field<K, V>} object
     * stored under {@code name}. The full node answers with {@code full_content()} options (type,
     * owner, previous transaction, parsed content) and <em>no BCS</em>
     * (crates/sui-json-rpc/src/indexer_api.rs); to decode the field's BCS, read the returned
     * {@code objectId} again with {@link #getObject} and {@link ObjectDataOptions#bcs()}. A
     * missing field is a response with error code {@code dynamicFieldNotFound}.
     */
    public SuiObjectResponse getDynamicFieldObject(SuiAddress parentObjectId, DynamicFieldName name) {
        ArrayNode params = Json.NODES.arrayNode();
        params.add(parentObjectId.toString());
        params.add(name.toJson());
        String method = "suix_getDynamicFieldObject";
        return SuiObjectResponse.fromJson(method, call(method, params), "result");
    }

    /** {@code sui_getLatestCheckpointSequenceNumber()}: a {@code BigInt<u64>} (decimal string). */
    public long getLatestCheckpointSequenceNumber() {
        String method = "sui_getLatestCheckpointSequenceNumber";
        return Json.u64(method, call(method, Json.NODES.arrayNode()), "result");
    }

    // ------------------------------------------------------------------ raw call

    /**
     * Sends one JSON-RPC request and returns its {@code result}.
     *
     * @throws SuiRpcException if the response carries an {@code error} object
     * @throws SuiTransportException on I/O failure, timeout, interrupt or a non-2xx status
     * @throws SuiProtocolException if the body is not a matching JSON-RPC 2.0 response
     */
    public JsonNode call(String method, ArrayNode params) {
        long id = nextId.getAndIncrement();
        ObjectNode request = Json.NODES.objectNode();
        request.put("jsonrpc", "2.0");
        request.put("id", id);
        request.put("method", method);
        request.set("params", params);
        String body = request.toString();

        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(httpRequest, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new SuiTransportException(method, "timed out after " + requestTimeout + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SuiTransportException(method, "I/O error talking to " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SuiTransportException(method, "interrupted", e);
        }

        String text = response.body() == null ? "" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new SuiTransportException(method, response.statusCode(), snippet(text));
        }
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new SuiProtocolException(method, "response is not JSON: " + snippet(text), e);
        }
        return unwrap(method, id, json, text);
    }

    private static JsonNode unwrap(String method, long id, JsonNode json, String text) {
        if (json == null || !json.isObject()) {
            throw new SuiProtocolException(method, "response is not a JSON-RPC object: " + snippet(text));
        }
        JsonNode version = json.get("jsonrpc");
        if (version != null && !(version.isString() && "2.0".equals(version.stringValue()))) {
            throw new SuiProtocolException(method, "unexpected jsonrpc version " + version);
        }
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            // An error for a request the server could not parse may carry "id": null; accept it.
            if (!error.isObject() || !error.has("code") || !error.get("code").isIntegralNumber()) {
                throw new SuiProtocolException(method, "malformed JSON-RPC error object: " + snippet(error.toString()));
            }
            JsonNode msg = error.get("message");
            throw new SuiRpcException(method, error.get("code").intValue(),
                    msg != null && msg.isString() ? msg.stringValue() : String.valueOf(msg),
                    error.has("data") && !error.get("data").isNull() ? error.get("data") : null);
        }
        JsonNode responseId = json.get("id");
        if (responseId == null || !responseId.isIntegralNumber() || responseId.longValue() != id) {
            throw new SuiProtocolException(method, "response id " + responseId + " does not match request id " + id);
        }
        if (!json.has("result")) {
            throw new SuiProtocolException(method, "response has neither result nor error: " + snippet(text));
        }
        return json.get("result");
    }

    private static String snippet(String text) {
        String t = text.strip();
        return t.length() > SNIPPET ? t.substring(0, SNIPPET) + "..." : t;
    }

    /** Closes the underlying {@link HttpClient} if this client created it. */
    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
    }

    /** Options for {@link SuiRpcClient}. */
    public static final class Builder {
        private final URI endpoint;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private HttpClient.Version httpVersion = HttpClient.Version.HTTP_1_1;
        private HttpClient httpClient;

        private Builder(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
                throw new IllegalArgumentException("endpoint must be http(s): " + endpoint);
            }
        }

        /** TCP/TLS connect timeout (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requirePositive(timeout);
            return this;
        }

        /** Whole-request timeout, from sending to the end of the body (default 30 s). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = requirePositive(timeout);
            return this;
        }

        /** HTTP version (default HTTP/1.1; HTTP/2 is negotiated over TLS when chosen). */
        public Builder httpVersion(HttpClient.Version version) {
            this.httpVersion = Objects.requireNonNull(version);
            return this;
        }

        /** Use this shared {@link HttpClient} (then {@link #connectTimeout} and {@link #httpVersion} are ignored, and close() leaves it open). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        public SuiRpcClient build() {
            return new SuiRpcClient(this);
        }

        private static Duration requirePositive(Duration d) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + d);
            }
            return d;
        }
    }
}
