package io.walrusj.gateway.limits;

/** Raised inside the request body stream once a chunked body grows past the route's limit. */
public class RequestBodyTooLargeException extends RuntimeException {

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("request body exceeds " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** The exception itself or the first cause that is one, as transports may wrap it. */
    public static RequestBodyTooLargeException findIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
