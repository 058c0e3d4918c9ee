package io.walrusj.storage.api;

/**
 * A framework-level rejection of the path or query syntax: answered 400 with a plain-text body,
 * as axum's extractors do (docs/spec/walrus-storage-node-api.md 2.1-2.2).
 */
public final class PathRejection extends RuntimeException {
    public PathRejection(String message) {
        super(message);
    }
}
