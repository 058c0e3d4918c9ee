package io.walrusj.storage.api;

import io.walrusj.core.status.ErrorBody;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.core.status.StatusException;
import java.util.Map;

/**
 * An error answered with the node API's JSON error body (docs/spec/walrus-storage-node-api.md 2.2, 8):
 * {@code {"error":{"code","status","message","details":[{"@type":"ErrorInfo","reason","domain","metadata"}]}}}.
 */
public final class ApiException extends StatusException {
    public static final String DOMAIN = "storage.walrus.space";

    public ApiException(ErrorStatus status, String reason, String message) {
        this(status, reason, DOMAIN, message, Map.of());
    }

    public ApiException(ErrorStatus status, String reason, String domain, String message, Map<String, Object> metadata) {
        super(status, reason, domain, message, metadata, null);
    }

    // ------------------------------------------------------------------ the catalogue

    static ApiException invalidContentType(String message) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INVALID_CONTENT_TYPE", message);
    }

    static ApiException indexOutOfRange(int index, int n) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INDEX_OUT_OF_RANGE", "requires 0 <= index (" + index + ") < " + n);
    }

    static ApiException shardNotAssigned(int shard, long epoch) {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "SHARD_NOT_ASSIGNED",
                "shard " + shard + " is not assigned to this node in epoch " + epoch);
    }

    static ApiException notRegistered() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "NOT_REGISTERED",
                "the blob has not been registered or has already expired");
    }

    static ApiException cacheSaturated() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "CACHE_SATURATED",
                "the pending-upload cache is saturated; retry later or after the blob is registered");
    }

    static ApiException sliverTooLarge(long size, long limit) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "SLIVER_TOO_LARGE",
                "the sliver of " + size + " bytes exceeds the pending-upload cache limit of " + limit + " bytes");
    }

    static ApiException metadataNotFoundGet() {
        return new ApiException(ErrorStatus.NOT_FOUND, "METADATA_NOT_FOUND", "the requested metadata is unavailable");
    }

    static ApiException metadataMissingForSliver() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "METADATA_NOT_FOUND", "blob metadata is required but missing");
    }

    static ApiException sliverNotFound() {
        return new ApiException(ErrorStatus.NOT_FOUND, "SLIVER_NOT_FOUND", "the requested sliver is unavailable");
    }

    static ApiException missingSlivers() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "MISSING_SLIVERS", "the required slivers are not all stored");
    }

    static ApiException invalidMetadata(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INVALID_METADATA", "the provided metadata failed to verify: " + detail);
    }

    static ApiException invalidBlob(String event) {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "INVALID_BLOB", "the blob for this metadata is invalid: " + event);
    }

    static ApiException invalidSliver(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INVALID_SLIVER", "the provided sliver is invalid: " + detail);
    }

    static ApiException sliverIndexMismatch(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "SLIVER_INDEX_MISMATCH", detail);
    }

    static ApiException notReady(String detail) {
        return new ApiException(ErrorStatus.UNAVAILABLE, "UNAVAILABLE", ErrorBody.GLOBAL, "the service is currently unavailable: " + detail, Map.of());
    }

    static ApiException noSymbolsSpecified() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "NO_SYMBOLS_SPECIFIED", "no symbol IDs were specified");
    }

    static ApiException noTargetSliversSpecified() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "NO_TARGET_SLIVERS_SPECIFIED", "no target slivers were specified");
    }

    static ApiException invalidFilter(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INVALID_FILTER", "the symbol filter is invalid: " + detail);
    }

    static ApiException recoverySymbolOutOfRange(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "RECOVERY_SYMBOL_OUT_OF_RANGE", detail);
    }

    static ApiException symbolNotPresentAtShards() {
        return new ApiException(ErrorStatus.FAILED_PRECONDITION, "SYMBOL_NOT_PRESENT_AT_SHARDS",
                "the requested symbol is not stored at any of this node's shards");
    }

    static ApiException invalidProof(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INVALID_PROOF", "the inconsistency proof is invalid: " + detail);
    }

    static ApiException limiterExhausted() {
        return new ApiException(ErrorStatus.UNAVAILABLE, "UNAVAILABLE", ErrorBody.GLOBAL,
                "the service is currently unavailable: too many concurrent recovery-symbol requests", Map.of());
    }

    // sync_shard (docs/spec/walrus-storage-node-api.md 6.4)

    static ApiException requestUnauthorized(String detail) {
        return new ApiException(ErrorStatus.PERMISSION_DENIED, "REQUEST_UNAUTHORIZED", "the request is unauthorized: " + detail);
    }

    static ApiException messageVerificationFailed(String detail) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "MESSAGE_VERIFICATION_FAILED",
                "the signed message failed to verify: " + detail);
    }

    static ApiException invalidEpoch(long requestEpoch, long serverEpoch) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "INVALID_EPOCH", DOMAIN,
                "the request is for epoch " + requestEpoch + " but the node is in epoch " + serverEpoch,
                Map.<String, Object>of("request_epoch", String.valueOf(requestEpoch), "server_epoch", String.valueOf(serverEpoch)));
    }

    static ApiException sliverCountExceedsLimit(long requested, long limit) {
        return new ApiException(ErrorStatus.INVALID_ARGUMENT, "SLIVER_COUNT_EXCEEDS_LIMIT",
                "the requested sliver count " + requested + " exceeds the limit of " + limit);
    }
}
