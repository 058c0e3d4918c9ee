package io.walrusj.devnet.rpc;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * JSON-RPC 2.0 endpoint at {@code POST /}, like a Sui full node: single requests and batches
 * ({@link JsonRpcDispatcher}). Errors are JSON-RPC error objects with HTTP 200, as Sui answers them,
 * except a body over {@code devnet.rpc.max-body-size}: HTTP 413 with a JSON-RPC error, refused from
 * its declared length or as soon as more than the limit has arrived (never buffered whole).
 */
@RestController
public class JsonRpcController {
    private final ObjectMapper mapper;
    private final RpcProperties limits;
    private final JsonRpcDispatcher dispatcher;

    public JsonRpcController(SuiReadMethods methods, DevnetMethods devnet, ObjectMapper mapper, RpcProperties limits) {
        this.mapper = mapper;
        this.limits = limits;
        this.dispatcher = new JsonRpcDispatcher(methods, devnet, limits);
    }

    @PostMapping(path = "/", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> rpc(HttpServletRequest http) throws IOException {
        long max = limits.maxBodySize().toBytes();
        Optional<byte[]> body = http.getContentLengthLong() > max ? Optional.empty()
                : BoundedBody.read(http.getInputStream(), max);
        if (body.isEmpty()) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(dispatcher.error(JsonNodeFactory.instance.nullNode(),
                    JsonRpcException.INVALID_REQUEST, "Request body exceeds " + max + " bytes"));
        }
        JsonNode request;
        try {
            request = mapper.readTree(body.get());
        } catch (JacksonException e) {
            return ResponseEntity.ok(dispatcher.error(JsonNodeFactory.instance.nullNode(), JsonRpcException.PARSE_ERROR,
                    "Parse error: " + e.getOriginalMessage()));
        }
        if (request == null || request.isMissingNode()) {
            return ResponseEntity.ok(dispatcher.error(JsonNodeFactory.instance.nullNode(), JsonRpcException.PARSE_ERROR,
                    "Parse error: empty body"));
        }
        return ResponseEntity.ok(dispatcher.answer(request));
    }
}
