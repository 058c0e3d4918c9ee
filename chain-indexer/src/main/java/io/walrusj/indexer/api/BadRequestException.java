package io.walrusj.indexer.api;

/** Answered with 400. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String reason) {
        super(reason, null, false, false);
    }
}
