package io.walrusj.encoder.api;

import io.walrusj.core.status.ErrorStatus;
import io.walrusj.core.status.StatusException;
import java.util.Map;

/**
 * An error answered with the Walrus JSON {@code Status} body (client-http-api 1; same shape as the
 * storage nodes' errors, storage-node-api 2.2), domain {@code daemon.walrus.space} unless stated.
 * Controllers and services throw it; {@link DaemonErrorHandler} renders it.
 */
public final class DaemonException extends StatusException {
    public static final String DOMAIN = "daemon.walrus.space";
    public static final String AUTH_DOMAIN = "auth.publisher.walrus.space";

    public DaemonException(ErrorStatus status, String reason, String message) {
        this(status, reason, DOMAIN, message, Map.of());
    }

    public DaemonException(ErrorStatus status, String reason, String domain, String message, Map<String, Object> metadata) {
        super(status, reason, domain, message, metadata, null);
    }

    public DaemonException(ErrorStatus status, String reason, String message, Throwable cause) {
        super(status, reason, DOMAIN, message, Map.of(), cause);
    }

    /** 503: the chain could not be read; transient. */
    public static DaemonException chainUnavailable(Throwable cause) {
        return new DaemonException(ErrorStatus.UNAVAILABLE, "CHAIN_UNAVAILABLE",
                "the chain could not be read, please retry: " + cause.getMessage(), cause);
    }

    /** 503 with a reason: transient, retry. */
    public static DaemonException unavailable(String reason, String message) {
        return new DaemonException(ErrorStatus.UNAVAILABLE, reason, message);
    }

    /** 400 MALFORMED_REQUEST / INVALID_ARGUMENT. */
    public static DaemonException malformed(String message) {
        return new DaemonException(ErrorStatus.INVALID_ARGUMENT, "MALFORMED_REQUEST", message);
    }
}
