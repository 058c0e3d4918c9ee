package io.walrusj.encoder.api;

/**
 * A request the Walrus daemon's framework (axum extractors) would reject before any handler runs:
 * unknown or ill-typed query parameters, a bad path id, a missing bearer header. Answered 400 with
 * a plain-text body, as Walrus does.
 */
public final class FrameworkRejection extends RuntimeException {
    public FrameworkRejection(String message) {
        super(message);
    }
}
