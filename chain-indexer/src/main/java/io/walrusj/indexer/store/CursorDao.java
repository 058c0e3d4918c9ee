package io.walrusj.indexer.store;

import io.walrusj.chain.rpc.EventId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** {@code indexer_cursor}: read by the follower's CursorStore, written in each batch transaction. */
public final class CursorDao {

    private static final RowMapper<StoredCursor> MAPPER = (rs, i) -> new StoredCursor(
            new EventId(rs.getString("tx_digest"), rs.getLong("event_seq")), rs.getLong("last_event_id"));

    private final JdbcTemplate jdbc;

    public CursorDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredCursor> load(String stream) {
        List<StoredCursor> rows = jdbc.query(
                "select tx_digest, event_seq, last_event_id from indexer_cursor where stream = ?", MAPPER, stream);
        return rows.stream().findFirst();
    }

    /**
     * The position of the last committed event ({@code events.id}, 0 before any), read with the
     * cursor row locked until the end of the transaction (one writer at a time), and the current
     * epoch (the highest in {@code epochs}, 0 before any), in one round trip.
     */
    public long[] lockPositionAndEpoch(String stream) {
        return jdbc.queryForObject("""
                select coalesce((select last_event_id from indexer_cursor where stream = ? for update), 0),
                       coalesce((select max(epoch) from epochs), 0)""",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, stream);
    }

    public void save(String stream, EventId cursor, long lastEventId) {
        jdbc.update("""
                insert into indexer_cursor (stream, tx_digest, event_seq, last_event_id, updated_at)
                values (?, ?, ?, ?, now())
                on conflict (stream) do update set tx_digest = excluded.tx_digest, event_seq = excluded.event_seq,
                    last_event_id = excluded.last_event_id, updated_at = excluded.updated_at""",
                stream, cursor.txDigest(), cursor.eventSeq(), lastEventId);
    }
}
