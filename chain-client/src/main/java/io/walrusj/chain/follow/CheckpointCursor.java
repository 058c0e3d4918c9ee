package io.walrusj.chain.follow;

/**
 * The durable position of a {@link CheckpointFollower}: everything up to and including event
 * {@code position} of checkpoint {@code checkpoint} has been handled.
 *
 * <p>{@code position} is the index of an event among <em>all</em> events of the checkpoint, counted
 * over its transactions in execution order (transaction 0's events, then transaction 1's, ...), so
 * it does not depend on which events are Walrus events. {@link #END} means the whole checkpoint is
 * done; that is the cursor the follower commits at the end of every checkpoint (also one without
 * Walrus events). A cursor inside a checkpoint ({@link #at}) only appears when one checkpoint has
 * more Walrus events than fit in one batch.
 *
 * <p>Ordered by checkpoint, then position. Text form ({@link #toString()}, {@link #parse}):
 * {@code "<checkpoint>"} for a finished checkpoint, {@code "<checkpoint>:<position>"} inside one.
 */
public record CheckpointCursor(long checkpoint, int position) implements Comparable<CheckpointCursor> {

    /** The position of a finished checkpoint. */
    public static final int END = Integer.MAX_VALUE;

    public CheckpointCursor {
        if (checkpoint < 0) {
            throw new IllegalArgumentException("negative checkpoint: " + checkpoint);
        }
        if (position < 0) {
            throw new IllegalArgumentException("negative event position: " + position);
        }
    }

    /** Checkpoint {@code checkpoint} and everything before it is done. */
    public static CheckpointCursor endOf(long checkpoint) {
        return new CheckpointCursor(checkpoint, END);
    }

    /** Events up to and including {@code position} of {@code checkpoint} are done, the rest of it is not. */
    public static CheckpointCursor at(long checkpoint, int position) {
        if (position == END) {
            throw new IllegalArgumentException("use endOf for a finished checkpoint");
        }
        return new CheckpointCursor(checkpoint, position);
    }

    /** Whether the whole checkpoint is done. */
    public boolean isEndOfCheckpoint() {
        return position == END;
    }

    /** The first checkpoint that still has events to deliver. */
    public long nextCheckpoint() {
        return isEndOfCheckpoint() ? checkpoint + 1 : checkpoint;
    }

    /** The last checkpoint that is completely done ({@code -1} if none). */
    public long lastCompleteCheckpoint() {
        return isEndOfCheckpoint() ? checkpoint : checkpoint - 1;
    }

    /** Whether event {@code position} of {@code checkpoint} is at or before this cursor (already done). */
    public boolean covers(long checkpoint, int position) {
        return checkpoint < this.checkpoint || (checkpoint == this.checkpoint && position <= this.position);
    }

    @Override
    public int compareTo(CheckpointCursor o) {
        int c = Long.compare(checkpoint, o.checkpoint);
        return c != 0 ? c : Integer.compare(position, o.position);
    }

    @Override
    public String toString() {
        return isEndOfCheckpoint() ? Long.toString(checkpoint) : checkpoint + ":" + position;
    }

    /** Parses {@link #toString()}. */
    public static CheckpointCursor parse(String text) {
        int colon = text.indexOf(':');
        try {
            if (colon < 0) {
                return endOf(Long.parseLong(text));
            }
            return at(Long.parseLong(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected <checkpoint> or <checkpoint>:<position>, got '" + text + "'", e);
        }
    }
}
