package io.walrusj.nodeclient;

import java.io.IOException;
import java.util.Optional;

/**
 * A storage node answered with an error status. {@link #reason()} is the {@code ErrorInfo.reason}
 * of the node's JSON error body (spec 2.2), empty for plain-text framework rejections or foreign
 * bodies.
 */
public final class NodeApiException extends IOException {
    private final int httpStatus;
    private final String reason;

    public NodeApiException(int httpStatus, String reason, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public boolean hasReason(String expected) {
        return expected.equals(reason);
    }

    /** 404, or a reason that means the node does not have what was asked for. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }

    /** 4xx: asking the same node again will not help (except 429, which is load). */
    public boolean isPermanent() {
        return httpStatus >= 400 && httpStatus < 500 && httpStatus != 429;
    }
}
