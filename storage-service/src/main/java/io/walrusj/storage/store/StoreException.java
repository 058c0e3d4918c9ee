package io.walrusj.storage.store;

/** A storage-engine failure (I/O, corruption): an internal error, never the client's fault. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
