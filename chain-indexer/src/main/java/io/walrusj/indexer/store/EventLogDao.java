package io.walrusj.indexer.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Appends to the event log {@code events} with one statement of array parameters per call. */
public final class EventLogDao {

    private final JdbcTemplate jdbc;

    public EventLogDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<EventRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into events (id, tx_digest, event_seq, type, name, sender, timestamp_ms, json, bcs)
                select id, tx, seq, type, name, sender, ts, cast(json as jsonb), bcs
                from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::text[], ?::varchar[], ?::varchar[], ?::bigint[],
                    ?::text[], ?::bytea[]) as t(id, tx, seq, type, name, sender, ts, json, bcs)""", ps -> {
            Columns c = new Columns(ps);
            c.bigint(rows, EventRow::id);
            c.varchar(rows, EventRow::txDigest);
            c.bigint(rows, EventRow::eventSeq);
            c.text(rows, EventRow::type);
            c.varchar(rows, EventRow::name);
            c.varchar(rows, EventRow::sender);
            c.bigint(rows, EventRow::timestampMs);
            c.text(rows, EventRow::json);
            c.bytea(rows, EventRow::bcs);
        });
    }
}
