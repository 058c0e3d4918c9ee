package io.walrusj.indexer.api;

import org.springframework.http.HttpStatus;

/**
 * The body of every error answer, also of requests Tomcat rejects and of the error path
 * (service-web's {@code ServiceErrorBody}, declared in {@link ApiExceptionHandler}).
 *
 * @param status the HTTP status code
 * @param error the HTTP reason phrase
 * @param reason what was wrong, for a human
 */
public record ApiError(int status, String error, String reason) {

    /** The error for this status, with its reason phrase. */
    public static ApiError of(int status, String reason) {
        HttpStatus known = HttpStatus.resolve(status);
        return new ApiError(status, known == null ? "Error" : known.getReasonPhrase(), reason);
    }
}
