package io.walrusj.encoder.read;

import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;

/** The aggregator's error answers (client-http-api 3.1-3.5), domain {@code daemon.walrus.space}. */
final class ReadErrors {
    private ReadErrors() {}

    static DaemonException blobNotFound() {
        return new DaemonException(ErrorStatus.NOT_FOUND, "BLOB_NOT_FOUND",
                "the requested blob ID does not exist on Walrus, ensure that it was entered correctly");
    }

    static DaemonException blobNotFound(String message) {
        return new DaemonException(ErrorStatus.NOT_FOUND, "BLOB_NOT_FOUND", message);
    }

    /** 503: not enough slivers / no metadata; transient, retry. */
    static DaemonException unavailable(String message) {
        return new DaemonException(ErrorStatus.UNAVAILABLE, "BLOB_UNAVAILABLE", message);
    }

    static DaemonException tooLarge(long maxBlobSize) {
        return new DaemonException(ErrorStatus.SIZE_EXCEEDED, "BLOB_TOO_LARGE",
                "the blob size exceeds the maximum allowed size: " + Long.toUnsignedString(maxBlobSize));
    }

    /** Range header problems: 416 (3.1). */
    static DaemonException invalidRangeHeader(String message) {
        return new DaemonException(ErrorStatus.RANGE_NOT_SATISFIABLE, "INVALID_BYTE_RANGE", "invalid byte range parameters: " + message);
    }

    /** byte-range query problems: 400 (3.3). */
    static DaemonException invalidRangeQuery(String message) {
        return new DaemonException(ErrorStatus.INVALID_ARGUMENT, "INVALID_BYTE_RANGE", "invalid byte range parameters: " + message);
    }

    static DaemonException invalidConsistencyCheck() {
        return new DaemonException(ErrorStatus.INVALID_ARGUMENT, "INVALID_CONSISTENCY_CHECK",
                "cannot set both strict and skip consistency check options");
    }

    /**
     * The decoded data does not match the metadata: the writer encoded the blob inconsistently. The
     * bytes are never served; Walrus answers this with an internal error.
     */
    static DaemonException inconsistent(String detail) {
        return new DaemonException(ErrorStatus.INTERNAL, "INCONSISTENT_BLOB",
                "the blob is inconsistently encoded and cannot be returned: " + detail);
    }

    /** Stream route: the slivers could not be fetched before streaming started (3.4). */
    static DaemonException sliverRetrievalFailed(String message) {
        return new DaemonException(ErrorStatus.INTERNAL, "SLIVER_RETRIEVAL_FAILED", message);
    }

    /** Concat: an ID that is neither a blob ID nor an object ID. */
    static DaemonException invalidIdFormat(String id) {
        return new DaemonException(ErrorStatus.INVALID_ARGUMENT, "INVALID_ID_FORMAT", "invalid ID format: " + id);
    }

    /** Concat: an object ID that does not name a readable Blob. */
    static DaemonException objectIdResolutionFailed(String id, String message) {
        return new DaemonException(ErrorStatus.NOT_FOUND, "OBJECT_ID_RESOLUTION_FAILED",
                "failed to resolve object ID " + id + ": " + message);
    }

    /** Concat: a blob could not be read for another reason than not found / too large. */
    static DaemonException blobReadFailed(String blobId, String message) {
        return new DaemonException(ErrorStatus.INTERNAL, "BLOB_READ_FAILED", "failed to read blob " + blobId + ": " + message);
    }

    /** Concat: more IDs than {@code aggregator.max-concat-ids}. */
    static DaemonException tooManyIds(int max) {
        return new DaemonException(ErrorStatus.INVALID_ARGUMENT, "TOO_MANY_IDS",
                "a concatenation may name at most " + max + " blob IDs or object IDs");
    }

    /** Concat: the blobs' sizes (from their metadata) add up to more than {@code aggregator.max-concat-size}: 413. */
    static DaemonException concatTooLarge(long max) {
        return new DaemonException(413, ErrorStatus.SIZE_EXCEEDED, "CONCAT_TOO_LARGE",
                "the concatenated blobs exceed the maximum total size: " + max);
    }
}
