package io.walrusj.chain.rpc;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The node answered with a JSON-RPC 2.0 error object
 * ({@code {"jsonrpc":"2.0","error":{"code":-32602,"message":"...","data":...},"id":1}}), e.g.
 * -32602 invalid params, -32601 method not found, -32000 server errors; Sui's jsonrpsee server
 * uses the codes of the JSON-RPC 2.0 specification (section 5.1).
 */
public final class SuiRpcException extends SuiClientException {

    private static final long serialVersionUID = 1L;

    /** JSON-RPC "Invalid params". */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC "Method not found". */
    public static final int METHOD_NOT_FOUND = -32601;

    private final int code;
    private final String rpcMessage;
    private final transient JsonNode data;

    public SuiRpcException(String method, int code, String rpcMessage, JsonNode data) {
        super(method, "JSON-RPC error " + code + ": " + rpcMessage, null);
        this.code = code;
        this.rpcMessage = rpcMessage;
        this.data = data;
    }

    /** The JSON-RPC error code. */
    public int code() {
        return code;
    }

    /** The JSON-RPC error message, verbatim. */
    public String rpcMessage() {
        return rpcMessage;
    }

    /** The optional {@code data} member of the error object. */
    public Optional<JsonNode> data() {
        return Optional.ofNullable(data);
    }
}
