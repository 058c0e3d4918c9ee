package io.walrusj.indexer.follow;

import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.indexer.store.CursorDao;
import io.walrusj.indexer.store.StoredCursor;
import java.util.Optional;

/**
 * The follower's cursor: the text in the {@code indexer_cursor} row that each batch transaction
 * updates ({@code checkpoint:...} from the gRPC follower, {@code event:...} from the legacy one).
 */
public final class DatabaseCursorStore implements WalrusFollower.CursorStore {

    private final CursorDao dao;
    private final String stream;

    public DatabaseCursorStore(CursorDao dao, String stream) {
        this.dao = dao;
        this.stream = stream;
    }

    @Override
    public Optional<String> load() {
        return dao.load(stream).flatMap(StoredCursor::cursor);
    }

    /** Whether a cursor is stored that does not start with {@code prefix} (written by the other transport). */
    public boolean holdsCursorOtherThan(String prefix) {
        return load().filter(c -> !c.startsWith(prefix)).isPresent();
    }
}
