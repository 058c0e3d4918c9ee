package io.walrusj.encoder.api;

import io.walrusj.core.status.ErrorBody;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.core.status.StatusException;
import java.util.Map;
import java.util.Optional;

/**
 * An error answered with the Walrus JSON {@code Status} body (client-http-api 1; same shape as the
 * storage nodes' errors, storage-node-api 2.2), domain {@code daemon.walrus.space} unless stated.
 * Controllers and services throw it; {@link DaemonErrorHandler} renders it.
 */
public final class DaemonException extends StatusException {
    public static final String DOMAIN = "daemon.walrus.space";
    public static final String AUTH_DOMAIN = "auth.publisher.walrus.space";

    /** The HTTP code answered; the status's own unless a code without an AIP-193 status (408, 413) is needed. */
    private final int http;

    public DaemonException(ErrorStatus status, String reason, String message) {
        this(status, reason, DOMAIN, message, Map.of());
    }

    public DaemonException(ErrorStatus status, String reason, String domain, String message, Map<String, Object> metadata) {
        super(status, reason, domain, message, metadata, null);
        this.http = status.http();
    }

    public DaemonException(ErrorStatus status, String reason, String message, Throwable cause) {
        super(status, reason, DOMAIN, message, Map.of(), cause);
        this.http = status.http();
    }

    /** An error answered with {@code http} instead of the status's usual code (e.g. 408 DEADLINE_EXCEEDED). */
    public DaemonException(int http, ErrorStatus status, String reason, String message) {
        super(status, reason, DOMAIN, message, Map.of(), null);
        this.http = http;
    }

    /** The HTTP code this error is answered with. */
    public int http() {
        return http;
    }

    @Override
    public ErrorBody toBody() {
        return new ErrorBody(http, status().name(), reason(), domain(), getMessage(), metadata(), Optional.empty());
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
