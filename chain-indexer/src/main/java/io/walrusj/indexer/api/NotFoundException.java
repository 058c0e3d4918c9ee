package io.walrusj.indexer.api;

/** Answered with 404. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String reason) {
        super(reason, null, false, false);
    }
}
