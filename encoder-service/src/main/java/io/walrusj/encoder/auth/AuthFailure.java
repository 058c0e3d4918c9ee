package io.walrusj.encoder.auth;

import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import java.util.Map;

/** The publisher's auth error reasons (spec 2.3), domain {@code auth.publisher.walrus.space}. */
public enum AuthFailure {
    INVALID_EXPIRATION(ErrorStatus.FAILED_PRECONDITION, "the token's exp - iat differs from the publisher's expiring time"),
    INVALID_EPOCHS(ErrorStatus.FAILED_PRECONDITION, "the epochs in the query are not allowed by the token"),
    INVALID_SIZE(ErrorStatus.FAILED_PRECONDITION, "the size of the body is not allowed by the token"),
    INVALID_SEND_OBJECT_TO(ErrorStatus.FAILED_PRECONDITION,
            "the send_object_to field in the query does not match the token, or is missing"),
    INCONSISTENT_TOKEN(ErrorStatus.FAILED_PRECONDITION,
            "the token sets both size and max_size, or both epochs and max_epochs"),
    INVALID_TOKEN(ErrorStatus.FAILED_PRECONDITION, "the JWT token is invalid"),
    INVALID_TIMESTAMP(ErrorStatus.FAILED_PRECONDITION, "one of the timestamps in the JWT token is invalid"),
    EXPIRED_SIGNATURE(ErrorStatus.DEADLINE_EXCEEDED, "the signature on the token has expired"),
    INVALID_SIGNATURE(ErrorStatus.UNAUTHENTICATED, "the signature on the token is invalid"),
    TOKEN_ALREADY_USED(ErrorStatus.RESOURCE_EXHAUSTED, "the JWT token was already used");

    private final ErrorStatus status;
    private final String message;

    AuthFailure(ErrorStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    public ErrorStatus status() {
        return status;
    }

    public DaemonException exception() {
        return new DaemonException(status, name(), DaemonException.AUTH_DOMAIN, message, Map.of());
    }

    public DaemonException exception(String detail) {
        return new DaemonException(status, name(), DaemonException.AUTH_DOMAIN, message + ": " + detail, Map.of());
    }
}
