package io.walrusj.devnet.rpc;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON-RPC 2.0 endpoint at {@code POST /}, like a Sui full node: single requests and batches.
 * Errors are JSON-RPC error objects with HTTP 200, as Sui answers them.
 */
@RestController
public class JsonRpcController {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcController.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SuiReadMethods methods;
    private final DevnetMethods devnet;
    private final ObjectMapper mapper;

    public JsonRpcController(SuiReadMethods methods, DevnetMethods devnet, ObjectMapper mapper) {
        this.methods = methods;
        this.devnet = devnet;
        this.mapper = mapper;
    }

    @PostMapping(path = "/", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public JsonNode rpc(@RequestBody String body) {
        JsonNode request;
        try {
            request = mapper.readTree(body);
        } catch (JacksonException e) {
            return error(F.nullNode(), JsonRpcException.PARSE_ERROR, "Parse error: " + e.getOriginalMessage());
        }
        if (request.isArray()) {
            ArrayNode responses = F.arrayNode();
            request.forEach(r -> responses.add(handle(r)));
            return responses;
        }
        return handle(request);
    }

    private JsonNode handle(JsonNode request) {
        JsonNode id = request.has("id") ? request.get("id") : F.nullNode();
        if (!request.isObject() || !"2.0".equals(request.path("jsonrpc").asString(null)) || !request.path("method").isString()) {
            return error(id, JsonRpcException.INVALID_REQUEST, "Invalid request: expected {jsonrpc: \"2.0\", method, params, id}");
        }
        try {
            ObjectNode response = F.objectNode();
            response.put("jsonrpc", "2.0");
            String method = request.get("method").asString();
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
        } catch (RuntimeException e) {
            log.error("JSON-RPC {} failed", request.get("method"), e);
            return error(id, JsonRpcException.INTERNAL_ERROR, "Internal error");
        }
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = F.objectNode();
        response.put("jsonrpc", "2.0");
        response.putObject("error").put("code", code).put("message", message);
        response.set("id", id);
        return response;
    }
}
