package io.walrusj.gateway.limits;

/** Raised inside the request body stream when the body has not arrived by its {@link BodyDeadline}. */
public class RequestBodyTooSlowException extends RuntimeException {

    public RequestBodyTooSlowException(String message) {
        super(message, null, false, false);
    }
}
