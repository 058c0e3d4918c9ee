package io.walrusj.chain.rpc;

import io.grpc.Status;
import java.util.Objects;
import java.util.Optional;

/**
 * A Sui gRPC call ended with a non-OK status that is not a transport failure: the server rejected
 * the request ({@code INVALID_ARGUMENT}, {@code FAILED_PRECONDITION}, {@code UNIMPLEMENTED},
 * {@code PERMISSION_DENIED}, ...), reported {@code NOT_FOUND} where absence is not a normal result,
 * failed ({@code INTERNAL}, {@code UNKNOWN}, {@code DATA_LOSS}), or a size limit was hit
 * ({@code RESOURCE_EXHAUSTED}: also what the client itself reports for a response larger than its
 * maximum inbound message size). The analogue of {@link SuiRpcException} for gRPC.
 */
public final class SuiGrpcException extends SuiClientException {

    private static final long serialVersionUID = 1L;

    private final Status.Code code;
    private final String description;
    private final String reason;

    /**
     * @param method {@code Service/Method}
     * @param code the status code
     * @param description the status description (may be {@code null})
     * @param reason a machine-readable reason from the status details ({@code google.rpc.ErrorInfo.reason}
     *     or a {@code BadRequest} field violation's reason, e.g. Sui's {@code FIELD_INVALID}), or {@code null}
     */
    public SuiGrpcException(String method, Status.Code code, String description, String reason, Throwable cause) {
        super(method, "gRPC status " + code + (description == null ? "" : ": " + description)
                + (reason == null ? "" : " (" + reason + ")"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.description = description;
        this.reason = reason;
    }

    /** The gRPC status code. */
    public Status.Code code() {
        return code;
    }

    /** The status description, verbatim. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The reason from the status details, if the server sent one. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }
}
