package io.walrusj.chain.rpc;

import io.grpc.Status;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * No usable HTTP answer: the connection failed or timed out, the calling thread was interrupted
 * (the interrupt flag is then set again), or the server answered with a non-2xx HTTP status (see
 * {@link #httpStatus()}; the first 512 characters of the body are in the message). Always worth a
 * retry with backoff. Over gRPC: the call ended with {@code UNAVAILABLE}, {@code DEADLINE_EXCEEDED},
 * {@code CANCELLED} or {@code ABORTED}, kept in {@link #grpcStatus()}.
 */
public final class SuiTransportException extends SuiClientException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final Status.Code grpcStatus;

    public SuiTransportException(String method, String message, Throwable cause) {
        this(method, message, cause, null);
    }

    /** A gRPC call that ended with a transport-level status {@code grpcStatus}. */
    public SuiTransportException(String method, String message, Throwable cause, Status.Code grpcStatus) {
        super(method, message, cause);
        this.httpStatus = -1;
        this.grpcStatus = grpcStatus;
    }

    public SuiTransportException(String method, int httpStatus, String bodySnippet) {
        super(method, "HTTP status " + httpStatus + (bodySnippet.isEmpty() ? "" : ": " + bodySnippet), null);
        this.httpStatus = httpStatus;
        this.grpcStatus = null;
    }

    /** The HTTP status if the server answered with a non-2xx status, empty for I/O failures. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The gRPC status code the call ended with, empty for JSON-RPC. */
    public Optional<Status.Code> grpcStatus() {
        return Optional.ofNullable(grpcStatus);
    }
}
