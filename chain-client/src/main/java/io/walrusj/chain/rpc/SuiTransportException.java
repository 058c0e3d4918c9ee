package io.walrusj.chain.rpc;

import java.util.OptionalInt;

/**
 * No usable HTTP answer: the connection failed or timed out, the calling thread was interrupted
 * (the interrupt flag is then set again), or the server answered with a non-2xx HTTP status (see
 * {@link #httpStatus()}; the first 512 characters of the body are in the message). Always worth a
 * retry with backoff.
 */
public final class SuiTransportException extends SuiClientException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;

    public SuiTransportException(String method, String message, Throwable cause) {
        super(method, message, cause);
        this.httpStatus = -1;
    }

    public SuiTransportException(String method, int httpStatus, String bodySnippet) {
        super(method, "HTTP status " + httpStatus + (bodySnippet.isEmpty() ? "" : ": " + bodySnippet), null);
        this.httpStatus = httpStatus;
    }

    /** The HTTP status if the server answered with a non-2xx status, empty for I/O failures. */
    public OptionalInt httpStatus() {
        return httpStatus < 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
