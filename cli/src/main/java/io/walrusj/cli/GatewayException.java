package io.walrusj.cli;

/**
 * A request to the gateway that did not succeed: either the gateway answered with an error status
 * ({@link #answered}, exit code 3), or there was no usable answer at all ({@link #failed}: not
 * reachable, timed out, connection lost, unreadable body; exit code 1).
 */
final class GatewayException extends Exception {
    private final int httpStatus;

    private GatewayException(String message, int httpStatus, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    static GatewayException answered(int httpStatus, String message) {
        return new GatewayException(message, httpStatus, null);
    }

    static GatewayException failed(String message, Throwable cause) {
        return new GatewayException(message, 0, cause);
    }

    /** The HTTP status the gateway answered, or 0 if there was no answer. */
    int httpStatus() {
        return httpStatus;
    }

    int exitCode() {
        return httpStatus == 0 ? WalrusCli.EXIT_ERROR : WalrusCli.EXIT_GATEWAY;
    }
}
