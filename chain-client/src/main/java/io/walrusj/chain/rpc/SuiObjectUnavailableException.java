package io.walrusj.chain.rpc;

/**
 * An object read returned an object-level error instead of data ({@code notExists},
 * {@code deleted}, {@code dynamicFieldNotFound}, ...), or returned data without the part that was
 * asked for (e.g. no BCS although {@code showBcs} was set).
 */
public final class SuiObjectUnavailableException extends SuiClientException {

    private static final long serialVersionUID = 1L;

    private final transient ObjectResponseError error;

    public SuiObjectUnavailableException(String method, String message, ObjectResponseError error) {
        super(method, message, null);
        this.error = error;
    }

    /** The object-level error, or {@code null} if the object exists but lacks the requested part. */
    public ObjectResponseError error() {
        return error;
    }
}
