package io.walrusj.chain.follow;

import io.walrusj.chain.rpc.EventId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link CursorStore} in memory, for tests and throwaway consumers. Thread-safe. */
public final class InMemoryCursorStore implements CursorStore {

    private EventId cursor;
    private final List<EventId> history = new ArrayList<>();

    public InMemoryCursorStore() {
    }

    public InMemoryCursorStore(EventId initial) {
        this.cursor = initial;
    }

    @Override
    public synchronized Optional<EventId> load() {
        return Optional.ofNullable(cursor);
    }

    /** Records a new committed cursor. */
    public synchronized void save(EventId newCursor) {
        cursor = newCursor;
        history.add(newCursor);
    }

    /** Every cursor saved, in order. */
    public synchronized List<EventId> history() {
        return List.copyOf(history);
    }
}
