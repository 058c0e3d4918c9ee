package io.walrusj.web;

/**
 * The error body of one service, for the errors no controller of it answers: requests Tomcat
 * rejects before Spring MVC sees them (an encoded {@code ../}, a {@code %00}, an invalid escape, an
 * overlong request line) and errors forwarded to {@code /error}. Each service declares one bean of
 * this type, in its own error shape (the Walrus error body, a JSON-RPC error, ...).
 */
@FunctionalInterface
public interface ServiceErrorBody {

    /**
     * The JSON value (a map, a record, a Jackson tree) of an error answered with this status.
     *
     * @param status  the HTTP status answered, 400 or more
     * @param message what went wrong, for a human: never blank, at most {@link ErrorJson#MAX_MESSAGE} characters
     */
    Object body(int status, String message);
}
