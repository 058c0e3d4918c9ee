package io.walrusj.chain.rpc;

/**
 * The endpoint answered with HTTP 2xx but not with the JSON-RPC response we asked for: the body is
 * not JSON, the {@code id} does not match the request, there is neither {@code result} nor
 * {@code error}, or the result does not have the shape Sui documents for the method.
 */
public final class SuiProtocolException extends SuiClientException {

    private static final long serialVersionUID = 1L;

    public SuiProtocolException(String method, String message) {
        super(method, message, null);
    }

    public SuiProtocolException(String method, String message, Throwable cause) {
        super(method, message, cause);
    }
}
