package io.walrusj.chain.follow;

import io.walrusj.chain.ChainException;
import io.walrusj.chain.rpc.EventId;
import java.util.Optional;

/**
 * The consumer's {@link EventBatchHandler} (or {@link CursorStore}) threw; the cause is what it
 * threw. The batch was not acknowledged and will be delivered again from the committed cursor.
 */
public final class EventHandlerException extends ChainException {

    private static final long serialVersionUID = 1L;

    private final transient EventId batchCursor;

    public EventHandlerException(String message, EventId batchCursor, Throwable cause) {
        super(message, cause);
        this.batchCursor = batchCursor;
    }

    /** The {@code newCursor} of the failed batch, if the failure was in the handler. */
    public Optional<EventId> batchCursor() {
        return Optional.ofNullable(batchCursor);
    }
}
