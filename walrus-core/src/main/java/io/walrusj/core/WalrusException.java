package io.walrusj.core;

/** Base of the typed, unchecked exceptions walrus-core throws for bad input. */
public abstract class WalrusException extends RuntimeException {
    protected WalrusException(String message) {
        super(message);
    }
}
