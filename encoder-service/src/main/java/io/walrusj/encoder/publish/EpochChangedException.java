package io.walrusj.encoder.publish;

/**
 * The committee epoch moved while a store was in flight (confirmations or {@code certify_blob}
 * for another epoch). The store refreshes the committee and retries its upload phase once.
 */
final class EpochChangedException extends RuntimeException {
    EpochChangedException(String message) {
        super(message);
    }
}
