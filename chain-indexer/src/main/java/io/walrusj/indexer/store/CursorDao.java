package io.walrusj.indexer.store;

import io.walrusj.chain.rpc.EventId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** {@code indexer_cursor}: read by the follower's cursor store, written in each batch transaction. */
public final class CursorDao {

    private static final RowMapper<StoredCursor> MAPPER = (rs, i) -> new StoredCursor(
            Optional.ofNullable(rs.getString("follower_cursor")), rs.getLong("last_event_id"));

    private final JdbcTemplate jdbc;

    public CursorDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredCursor> load(String stream) {
        List<StoredCursor> rows = jdbc.query("select follower_cursor, last_event_id from indexer_cursor where stream = ?", MAPPER, stream);
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

    /**
     * Moves the cursor.
     *
     * @param lastEvent the batch's last event, or null for a batch without events (the stored one is kept)
     * @param cursor the follower's cursor text after the batch
     */
    public void save(String stream, EventId lastEvent, String cursor, long lastEventId) {
        jdbc.update("""
                insert into indexer_cursor (stream, tx_digest, event_seq, follower_cursor, last_event_id, updated_at)
                values (?, ?, ?, ?, ?, now())
                on conflict (stream) do update set
                    tx_digest = coalesce(excluded.tx_digest, indexer_cursor.tx_digest),
                    event_seq = coalesce(excluded.event_seq, indexer_cursor.event_seq),
                    follower_cursor = excluded.follower_cursor,
                    last_event_id = excluded.last_event_id, updated_at = excluded.updated_at""",
                stream, lastEvent == null ? null : lastEvent.txDigest(), lastEvent == null ? null : lastEvent.eventSeq(),
                cursor, lastEventId);
    }

    /**
     * Deletes everything indexed and every cursor, in one statement (one transaction): the next
     * follower starts from its start position.
     */
    public void discardAll() {
        jdbc.execute("truncate indexer_cursor, events, blob_objects, blob_status, epochs, committee_members");
    }
}
