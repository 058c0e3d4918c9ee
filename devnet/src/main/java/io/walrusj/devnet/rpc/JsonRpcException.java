package io.walrusj.devnet.rpc;

/** A JSON-RPC error answer: standard codes -32700 parse, -32600 request, -32601 method, -32602 params. */
public final class JsonRpcException extends RuntimeException {
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;
    public static final int METHOD_NOT_FOUND = -32601;
    public static final int INVALID_PARAMS = -32602;
    public static final int INTERNAL_ERROR = -32603;

    private final int code;
    private final transient tools.jackson.databind.JsonNode data;

    public JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcException(int code, String message, tools.jackson.databind.JsonNode data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** The optional {@code error.data} member. */
    public tools.jackson.databind.JsonNode data() {
        return data;
    }

    static JsonRpcException invalidParams(String message) {
        return new JsonRpcException(INVALID_PARAMS, message);
    }
}
