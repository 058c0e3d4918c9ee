package io.walrusj.core.status;

/**
 * The AIP-193 status names Walrus services put in their error bodies, with the HTTP code each is
 * answered with (docs/spec/walrus-storage-node-api.md 2.2, docs/spec/walrus-client-http-api.md 1).
 */
public enum ErrorStatus {
    INVALID_ARGUMENT(400), FAILED_PRECONDITION(400), NOT_FOUND(404), PERMISSION_DENIED(403),
    SIZE_EXCEEDED(403), UNAUTHENTICATED(401), UNAVAILABLE_FOR_LEGAL_REASONS(451),
    RANGE_NOT_SATISFIABLE(416), RESOURCE_EXHAUSTED(429), DEADLINE_EXCEEDED(504), INTERNAL(500),
    UNAVAILABLE(503);

    private final int http;

    ErrorStatus(int http) {
        this.http = http;
    }

    public int http() {
        return http;
    }

    /**
     * The status name for an HTTP error code no handler chose a status for (a request the HTTP
     * server rejected): the first status answered with that code, else {@code INTERNAL} for 5xx
     * and {@code INVALID_ARGUMENT} for any other code.
     */
    public static ErrorStatus forHttp(int code) {
        for (ErrorStatus s : values()) {
            if (s.http == code) {
                return s;
            }
        }
        return code >= 500 ? INTERNAL : INVALID_ARGUMENT;
    }
}
