package io.walrusj.chain.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link CheckpointCursorStore} in memory, for tests and consumers that need no durability. Thread-safe. */
public final class InMemoryCheckpointCursorStore implements CheckpointCursorStore {

    private CheckpointCursor cursor;
    private final List<CheckpointCursor> history = new ArrayList<>();

    public InMemoryCheckpointCursorStore() {
    }

    public InMemoryCheckpointCursorStore(CheckpointCursor initial) {
        this.cursor = initial;
    }

    @Override
    public synchronized Optional<CheckpointCursor> load() {
        return Optional.ofNullable(cursor);
    }

    /** Records a new committed cursor. */
    public synchronized void save(CheckpointCursor newCursor) {
        cursor = newCursor;
        history.add(newCursor);
    }

    /** Every cursor saved, in order. */
    public synchronized List<CheckpointCursor> history() {
        return List.copyOf(history);
    }
}
