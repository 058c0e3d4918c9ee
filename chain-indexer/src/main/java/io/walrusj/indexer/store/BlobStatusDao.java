package io.walrusj.indexer.store;

import io.walrusj.indexer.status.BlobStatus;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Batched reads and upserts of {@code blob_status}. */
public final class BlobStatusDao {

    /** A status to store for {@code blobId}, last changed by event {@code updatedEventId}. */
    public record Row(String blobId, BlobStatus status, long updatedEventId) {
    }

    private final JdbcTemplate jdbc;

    public BlobStatusDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the rows (blob IDs must be distinct) with one statement of array parameters. */
    public void upsert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.update("""
                insert into blob_status (blob_id, status, is_certified, end_epoch, status_tx_digest, status_event_seq,
                    initial_certified_epoch, count_deletable_total, count_deletable_certified, invalid_tx_digest,
                    invalid_event_seq, object_count, computed_epoch, updated_event_id)
                select * from unnest(?::varchar[], ?::varchar[], ?::boolean[], ?::bigint[], ?::varchar[], ?::bigint[],
                    ?::bigint[], ?::integer[], ?::integer[], ?::varchar[], ?::bigint[], ?::integer[], ?::bigint[],
                    ?::bigint[])
                on conflict (blob_id) do update set status = excluded.status, is_certified = excluded.is_certified,
                    end_epoch = excluded.end_epoch, status_tx_digest = excluded.status_tx_digest,
                    status_event_seq = excluded.status_event_seq,
                    initial_certified_epoch = excluded.initial_certified_epoch,
                    count_deletable_total = excluded.count_deletable_total,
                    count_deletable_certified = excluded.count_deletable_certified,
                    invalid_tx_digest = excluded.invalid_tx_digest, invalid_event_seq = excluded.invalid_event_seq,
                    object_count = excluded.object_count, computed_epoch = excluded.computed_epoch,
                    updated_event_id = excluded.updated_event_id""", ps -> {
            Columns c = new Columns(ps);
            c.varchar(rows, Row::blobId);
            c.varchar(rows, r -> r.status().kind().wire());
            c.bool(rows, r -> r.status().certified());
            c.bigint(rows, r -> r.status().endEpoch());
            c.varchar(rows, r -> r.status().statusEvent() == null ? null : r.status().statusEvent().txDigest());
            c.bigint(rows, r -> r.status().statusEvent() == null ? null : r.status().statusEvent().eventSeq());
            c.bigint(rows, r -> r.status().initialCertifiedEpoch());
            c.integer(rows, r -> r.status().countDeletableTotal());
            c.integer(rows, r -> r.status().countDeletableCertified());
            c.varchar(rows, r -> r.status().invalidEvent() == null ? null : r.status().invalidEvent().txDigest());
            c.bigint(rows, r -> r.status().invalidEvent() == null ? null : r.status().invalidEvent().eventSeq());
            c.integer(rows, r -> r.status().objectCount());
            c.bigint(rows, r -> r.status().epoch());
            c.bigint(rows, Row::updatedEventId);
        });
    }
}
