package io.walrusj.indexer.follow;

import io.walrusj.chain.follow.CursorStore;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.indexer.store.CursorDao;
import io.walrusj.indexer.store.StoredCursor;
import java.util.Optional;

/** The follower's cursor: the {@code indexer_cursor} row that each batch transaction updates. */
public final class DatabaseCursorStore implements CursorStore {

    private final CursorDao dao;
    private final String stream;

    public DatabaseCursorStore(CursorDao dao, String stream) {
        this.dao = dao;
        this.stream = stream;
    }

    @Override
    public Optional<EventId> load() {
        return dao.load(stream).map(StoredCursor::cursor);
    }
}
