package io.walrusj.indexer.api;

/**
 * The body of every error answer.
 *
 * @param status the HTTP status code
 * @param error the HTTP reason phrase
 * @param reason what was wrong, for a human
 */
public record ApiError(int status, String error, String reason) {
}
