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

    /**
     * A handler that applies {@code effects}, then saves the batch's cursor here: for consumers
     * whose effects need no atomicity with the cursor (a cache re-read on restart, a trigger), e.g.
     * with {@code startFromLatest()}. Without saving, every reconnect would start over.
     */
    public CheckpointBatchHandler savingAfter(CheckpointBatchHandler effects) {
        return batch -> {
            effects.handle(batch);
            save(batch.newCursor());
        };
    }

    /** Every cursor saved, in order. */
    public synchronized List<CheckpointCursor> history() {
        return List.copyOf(history);
    }
}
