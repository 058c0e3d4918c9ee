package io.walrusj.storage.api;

import java.util.Map;

/**
 * An error answered with the node API's JSON error body (walrus-storage-node-api.md 2.2, 8):
 * {@code {"error":{"code","status","message","details":[{"@type":"ErrorInfo","reason","domain","metadata"}]}}}.
 */
public final class ApiException extends RuntimeException {
    public static final String DOMAIN = "storage.walrus.space";
    public static final String GLOBAL = "global";

    /** AIP-193 status names with their HTTP codes. */
    public enum Status {
        INVALID_ARGUMENT(400), FAILED_PRECONDITION(400), NOT_FOUND(404), PERMISSION_DENIED(403),
        SIZE_EXCEEDED(403), UNAUTHENTICATED(401), UNAVAILABLE_FOR_LEGAL_REASONS(451),
        RANGE_NOT_SATISFIABLE(416), RESOURCE_EXHAUSTED(429), DEADLINE_EXCEEDED(504), INTERNAL(500),
        UNAVAILABLE(503);

        final int http;

        Status(int http) {
            this.http = http;
        }

        public int http() {
            return http;
        }
    }

    private final Status status;
    private final String reason;
    private final String domain;
    private final Map<String, Object> metadata;

    public ApiException(Status status, String reason, String message) {
        this(status, reason, DOMAIN, message, Map.of());
    }

    public ApiException(Status status, String reason, String domain, String message, Map<String, Object> metadata) {
        super(message);
        this.status = status;
        this.reason = reason;
        this.domain = domain;
        this.metadata = Map.copyOf(metadata);
    }

    public Status status() {
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

    // ------------------------------------------------------------------ the catalogue

    static ApiException invalidContentType(String message) {
        return new ApiException(Status.INVALID_ARGUMENT, "INVALID_CONTENT_TYPE", message);
    }

    static ApiException indexOutOfRange(int index, int n) {
        return new ApiException(Status.INVALID_ARGUMENT, "INDEX_OUT_OF_RANGE", "requires 0 <= index (" + index + ") < " + n);
    }

    static ApiException shardNotAssigned(int shard, long epoch) {
        return new ApiException(Status.FAILED_PRECONDITION, "SHARD_NOT_ASSIGNED",
                "shard " + shard + " is not assigned to this node in epoch " + epoch);
    }

    static ApiException notRegistered() {
        return new ApiException(Status.FAILED_PRECONDITION, "NOT_REGISTERED",
                "the blob has not been registered or has already expired");
    }

    static ApiException cacheSaturated() {
        return new ApiException(Status.FAILED_PRECONDITION, "CACHE_SATURATED",
                "the pending-upload cache is saturated; retry later or after the blob is registered");
    }

    static ApiException sliverTooLarge(long size, long limit) {
        return new ApiException(Status.INVALID_ARGUMENT, "SLIVER_TOO_LARGE",
                "the sliver of " + size + " bytes exceeds the pending-upload cache limit of " + limit + " bytes");
    }

    static ApiException metadataNotFoundGet() {
        return new ApiException(Status.NOT_FOUND, "METADATA_NOT_FOUND", "the requested metadata is unavailable");
    }

    static ApiException metadataMissingForSliver() {
        return new ApiException(Status.FAILED_PRECONDITION, "METADATA_NOT_FOUND", "blob metadata is required but missing");
    }

    static ApiException sliverNotFound() {
        return new ApiException(Status.NOT_FOUND, "SLIVER_NOT_FOUND", "the requested sliver is unavailable");
    }

    static ApiException missingSlivers() {
        return new ApiException(Status.FAILED_PRECONDITION, "MISSING_SLIVERS", "the required slivers are not all stored");
    }

    static ApiException invalidMetadata(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "INVALID_METADATA", "the provided metadata failed to verify: " + detail);
    }

    static ApiException invalidBlob(String event) {
        return new ApiException(Status.FAILED_PRECONDITION, "INVALID_BLOB", "the blob for this metadata is invalid: " + event);
    }

    static ApiException invalidSliver(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "INVALID_SLIVER", "the provided sliver is invalid: " + detail);
    }

    static ApiException sliverIndexMismatch(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "SLIVER_INDEX_MISMATCH", detail);
    }

    static ApiException notReady(String detail) {
        return new ApiException(Status.UNAVAILABLE, "UNAVAILABLE", GLOBAL, "the service is currently unavailable: " + detail, Map.of());
    }

    static ApiException noSymbolsSpecified() {
        return new ApiException(Status.FAILED_PRECONDITION, "NO_SYMBOLS_SPECIFIED", "no symbol IDs were specified");
    }

    static ApiException noTargetSliversSpecified() {
        return new ApiException(Status.FAILED_PRECONDITION, "NO_TARGET_SLIVERS_SPECIFIED", "no target slivers were specified");
    }

    static ApiException invalidFilter(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "INVALID_FILTER", "the symbol filter is invalid: " + detail);
    }

    static ApiException recoverySymbolOutOfRange(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "RECOVERY_SYMBOL_OUT_OF_RANGE", detail);
    }

    static ApiException symbolNotPresentAtShards() {
        return new ApiException(Status.FAILED_PRECONDITION, "SYMBOL_NOT_PRESENT_AT_SHARDS",
                "the requested symbol is not stored at any of this node's shards");
    }

    static ApiException invalidProof(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "INVALID_PROOF", "the inconsistency proof is invalid: " + detail);
    }

    static ApiException limiterExhausted() {
        return new ApiException(Status.UNAVAILABLE, "UNAVAILABLE", GLOBAL,
                "the service is currently unavailable: too many concurrent recovery-symbol requests", Map.of());
    }

    // sync_shard (walrus-storage-node-api.md 6.4)

    static ApiException requestUnauthorized(String detail) {
        return new ApiException(Status.PERMISSION_DENIED, "REQUEST_UNAUTHORIZED", "the request is unauthorized: " + detail);
    }

    static ApiException messageVerificationFailed(String detail) {
        return new ApiException(Status.INVALID_ARGUMENT, "MESSAGE_VERIFICATION_FAILED",
                "the signed message failed to verify: " + detail);
    }

    static ApiException invalidEpoch(long requestEpoch, long serverEpoch) {
        return new ApiException(Status.INVALID_ARGUMENT, "INVALID_EPOCH", DOMAIN,
                "the request is for epoch " + requestEpoch + " but the node is in epoch " + serverEpoch,
                Map.<String, Object>of("request_epoch", String.valueOf(requestEpoch), "server_epoch", String.valueOf(serverEpoch)));
    }

    static ApiException sliverCountExceedsLimit(long requested, long limit) {
        return new ApiException(Status.INVALID_ARGUMENT, "SLIVER_COUNT_EXCEEDS_LIMIT",
                "the requested sliver count " + requested + " exceeds the limit of " + limit);
    }
}
