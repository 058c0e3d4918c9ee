package io.walrusj.devnet.rpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 over parsed requests: single requests and batches (at most
 * {@link RpcProperties#maxBatchSize()}), each routed to the devnet or Sui read methods. Every error
 * is a JSON-RPC error object whose message is cut to {@link RpcProperties#maxEchoLength()}, so
 * nothing a client sends is echoed back at length. A parameter that cannot be read as the method
 * needs it is -32602, never -32603.
 */
final class JsonRpcDispatcher {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SuiReadMethods methods;
    private final DevnetMethods devnet;
    private final RpcProperties limits;

    JsonRpcDispatcher(SuiReadMethods methods, DevnetMethods devnet, RpcProperties limits) {
        this.methods = methods;
        this.devnet = devnet;
        this.limits = limits;
    }

    /** The answer to a request or a batch. */
    JsonNode answer(JsonNode request) {
        if (!request.isArray()) {
            return handle(request);
        }
        if (request.isEmpty()) {
            return error(F.nullNode(), JsonRpcException.INVALID_REQUEST, "Invalid request: empty batch");
        }
        if (request.size() > limits.maxBatchSize()) {
            return error(F.nullNode(), JsonRpcException.INVALID_REQUEST, "Invalid request: a batch of " + request.size()
                    + " requests exceeds the limit of " + limits.maxBatchSize());
        }
        ArrayNode responses = F.arrayNode();
        request.forEach(r -> responses.add(handle(r)));
        return responses;
    }

    /** A JSON-RPC error response (message cut to the echo limit). */
    ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = F.objectNode();
        response.put("jsonrpc", "2.0");
        response.putObject("error").put("code", code).put("message", abbreviate(message, limits.maxEchoLength()));
        response.set("id", id);
        return response;
    }

    private JsonNode handle(JsonNode request) {
        JsonNode id = request.isObject() && request.has("id") ? request.get("id") : F.nullNode();
        if (!(id.isString() || id.isNumber() || id.isNull())) {
            return error(F.nullNode(), JsonRpcException.INVALID_REQUEST, "Invalid request: id must be a string, number or null");
        }
        if (!request.isObject() || !"2.0".equals(request.path("jsonrpc").asString(null)) || !request.path("method").isString()) {
            return error(id, JsonRpcException.INVALID_REQUEST, "Invalid request: expected {jsonrpc: \"2.0\", method, params, id}");
        }
        String method = request.get("method").asString();
        try {
            ObjectNode response = F.objectNode();
            response.put("jsonrpc", "2.0");
            JsonNode params = request.get("params");
            response.set("result", devnet.handles(method) ? devnet.call(method, params) : methods.call(method, params));
            response.set("id", id);
            return response;
        } catch (JsonRpcException e) {
            ObjectNode error = error(id, e.code(), e.getMessage());
            if (e.data() != null) {
                ((ObjectNode) error.get("error")).set("data", e.data());
            }
            return error;
        } catch (JsonNodeException e) {
            // a parameter read as a type it does not have (e.g. a number beyond int): the client's fault
            return error(id, JsonRpcException.INVALID_PARAMS, "Invalid params: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            log.error("JSON-RPC {} failed", abbreviate(method, limits.maxEchoLength()), e);
            return error(id, JsonRpcException.INTERNAL_ERROR, "Internal error");
        }
    }

    /** {@code text} cut to at most about {@code max} characters, saying how long it was. */
    static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String suffix = "... (" + text.length() + " characters)";
        int keep = Math.max(0, max - suffix.length());
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + suffix;
    }
}
