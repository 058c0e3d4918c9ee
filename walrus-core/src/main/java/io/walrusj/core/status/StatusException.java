package io.walrusj.core.status;

import java.util.Map;
import java.util.Objects;

/**
 * An error a Walrus service answers with its JSON error body ({@link #toBody()}): the status,
 * reason code, domain and metadata of the {@code ErrorInfo}. Each service extends it with its own
 * domain and catalogue of reasons (the storage node's {@code ApiException}, the publisher and
 * aggregator's {@code DaemonException}).
 */
public abstract class StatusException extends RuntimeException {
    private final ErrorStatus status;
    private final String reason;
    private final String domain;
    private final Map<String, Object> metadata;

    protected StatusException(ErrorStatus status, String reason, String domain, String message,
            Map<String, Object> metadata, Throwable cause) {
        super(message, cause);
        this.status = Objects.requireNonNull(status, "status");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.metadata = Map.copyOf(metadata);
    }

    public ErrorStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String domain() {
        return domain;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** The JSON error body this exception is answered with. */
    public ErrorBody toBody() {
        return ErrorBody.of(status, reason, domain, getMessage(), metadata);
    }
}
