package io.walrusj.encoder.publish;

/** The blob is larger than the publisher accepts or the network can encode: 413, plain text. */
public final class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
