package io.walrusj.indexer.follow;

import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.follow.CheckpointCursorStore;
import io.walrusj.chain.follow.CursorStore;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.store.CursorDao;
import io.walrusj.indexer.store.StoredCursor;
import java.util.Optional;

/**
 * The followers' cursor: the {@code indexer_cursor} row that each batch transaction updates. The
 * checkpoint follower reads its {@link CheckpointCursor}; the legacy JSON-RPC follower the ID of
 * the last ingested event.
 */
public final class DatabaseCursorStore implements CheckpointCursorStore {

    private final CursorDao dao;
    private final String stream;

    public DatabaseCursorStore(CursorDao dao, String stream) {
        this.dao = dao;
        this.stream = stream;
    }

    /**
     * @throws IllegalStateException for a row of the legacy follower (no checkpoint cursor, see
     *     {@link FollowerRunner}: it starts over before following checkpoints)
     */
    @Override
    public Optional<CheckpointCursor> load() {
        Optional<StoredCursor> row = dao.load(stream);
        if (row.isPresent() && row.get().isLegacy()) {
            throw new IllegalStateException("the cursor of stream " + stream + " is a legacy JSON-RPC event cursor");
        }
        return row.flatMap(StoredCursor::checkpoint);
    }

    /** The legacy JSON-RPC follower's view: the ID of the last ingested event. */
    public CursorStore legacy() {
        return () -> dao.load(stream).flatMap(StoredCursor::lastEvent);
    }

    /** Whether the row was written by the legacy JSON-RPC follower (events, no checkpoint cursor). */
    public boolean holdsLegacyCursor() {
        return dao.load(stream).map(StoredCursor::isLegacy).orElse(false);
    }
}
