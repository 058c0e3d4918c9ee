package io.walrusj.chain.rpc;

import io.walrusj.chain.ChainException;

/**
 * A failed call to a Sui JSON-RPC or gRPC endpoint. Exactly one of four kinds:
 * <ul>
 *   <li>{@link SuiRpcException}: the node answered with a JSON-RPC {@code error} object;
 *   <li>{@link SuiTransportException}: no usable HTTP answer (connection refused or reset, timeout,
 *       interrupted, non-2xx HTTP status);
 *   <li>{@link SuiProtocolException}: an HTTP 2xx answer that is not the JSON-RPC response we asked
 *       for (not JSON, wrong {@code id}, a result of the wrong shape; over gRPC: a message without a
 *       field Sui always sets, a malformed address);
 *   <li>{@link SuiGrpcException}: a gRPC call ended with a status that is not a transport failure
 *       ({@code INVALID_ARGUMENT}, {@code NOT_FOUND} where absence is not a result, {@code INTERNAL},
 *       {@code RESOURCE_EXHAUSTED}, ...). gRPC transport failures ({@code UNAVAILABLE},
 *       {@code DEADLINE_EXCEEDED}, {@code CANCELLED}, {@code ABORTED}) are {@link SuiTransportException}s
 *       with {@link SuiTransportException#grpcStatus()} set.
 * </ul>
 * {@link SuiObjectUnavailableException} additionally reports an object read whose result carries an
 * object-level error ({@code notExists}, {@code deleted}, ...).
 */
public abstract sealed class SuiClientException extends ChainException
        permits SuiRpcException, SuiTransportException, SuiProtocolException, SuiObjectUnavailableException,
                SuiGrpcException {

    private static final long serialVersionUID = 1L;

    private final String method;

    protected SuiClientException(String method, String message, Throwable cause) {
        super(method == null ? message : method + ": " + message, cause);
        this.method = method;
    }

    /** The JSON-RPC method (or gRPC method, {@code Service/Method}) that failed, or {@code null} if unknown. */
    public String method() {
        return method;
    }
}
