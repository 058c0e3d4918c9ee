package io.walrusj.indexer.store;

import io.walrusj.chain.rpc.EventId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** Batched reads and upserts of {@code blob_objects}. */
public final class BlobObjectDao {

    private static final String COLUMNS = "object_id, blob_id, owner, registered_epoch, certified_epoch, end_epoch, "
            + "deletable, size, encoding_type, deleted, invalid, registered_event_id, last_event_id, last_tx_digest, "
            + "last_event_seq";

    private static final String QUALIFIED = "o." + COLUMNS.replace(", ", ", o.");

    private static final RowMapper<BlobObjectRow> MAPPER = (rs, i) -> {
        Long enc = SqlArrays.getLong(rs, "encoding_type");
        return new BlobObjectRow(rs.getString("object_id"), rs.getString("blob_id"), rs.getString("owner"),
                SqlArrays.getLong(rs, "registered_epoch"), SqlArrays.getLong(rs, "certified_epoch"),
                rs.getLong("end_epoch"), rs.getBoolean("deletable"), SqlArrays.getLong(rs, "size"),
                enc == null ? null : enc.intValue(), rs.getBoolean("deleted"), rs.getBoolean("invalid"),
                SqlArrays.getLong(rs, "registered_event_id"), rs.getLong("last_event_id"),
                rs.getString("last_tx_digest"), rs.getLong("last_event_seq"));
    };

    private final JdbcTemplate jdbc;

    public BlobObjectDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The objects of some blob IDs and the {@code InvalidBlobID} events recorded for them. */
    public record Loaded(List<BlobObjectRow> objects, Map<String, EventId> invalidEvents) {
    }

    /** Every object of the given blob IDs and their invalidation events, in one round trip. */
    public Loaded loadBlobs(Collection<String> blobIds) {
        List<BlobObjectRow> rows = new ArrayList<>();
        Map<String, EventId> invalid = new HashMap<>();
        if (blobIds.isEmpty()) {
            return new Loaded(rows, invalid);
        }
        String cols = QUALIFIED;
        jdbc.query("select b.blob_id as requested_blob_id, s.invalid_tx_digest, s.invalid_event_seq, " + cols
                + " from unnest(?::varchar[]) as b(blob_id)"
                + " left join blob_objects o on o.blob_id = b.blob_id"
                + " left join blob_status s on s.blob_id = b.blob_id and s.invalid_tx_digest is not null",
                ps -> ps.setArray(1, SqlArrays.varchar(ps, blobIds)), rs -> {
                    if (rs.getString("object_id") != null) {
                        rows.add(MAPPER.mapRow(rs, 0));
                    }
                    String tx = rs.getString("invalid_tx_digest");
                    if (tx != null) {
                        invalid.put(rs.getString("requested_blob_id"), new EventId(tx, rs.getLong("invalid_event_seq")));
                    }
                });
        return new Loaded(rows, invalid);
    }

    /** Blob IDs with an undeleted object whose end epoch is in {@code (afterEpoch, untilEpoch]}: they expire. */
    public Set<String> blobIdsExpiring(long afterEpoch, long untilEpoch) {
        return new HashSet<>(jdbc.queryForList(
                "select distinct blob_id from blob_objects where not deleted and end_epoch > ? and end_epoch <= ?",
                String.class, afterEpoch, untilEpoch));
    }

    /** Inserts or replaces the rows (object IDs must be distinct) with one statement of 15 array parameters. */
    public void upsert(Collection<BlobObjectRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<BlobObjectRow> list = List.copyOf(rows);
        jdbc.update("insert into blob_objects (" + COLUMNS + ") select * from unnest(?::varchar[], ?::varchar[], "
                + "?::varchar[], ?::bigint[], ?::bigint[], ?::bigint[], ?::boolean[], ?::bigint[], ?::smallint[], "
                + "?::boolean[], ?::boolean[], ?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[]) "
                + "on conflict (object_id) do update set blob_id = excluded.blob_id, owner = excluded.owner, "
                + "registered_epoch = excluded.registered_epoch, certified_epoch = excluded.certified_epoch, "
                + "end_epoch = excluded.end_epoch, deletable = excluded.deletable, size = excluded.size, "
                + "encoding_type = excluded.encoding_type, deleted = excluded.deleted, invalid = excluded.invalid, "
                + "registered_event_id = excluded.registered_event_id, last_event_id = excluded.last_event_id, "
                + "last_tx_digest = excluded.last_tx_digest, last_event_seq = excluded.last_event_seq", ps -> {
                    Columns c = new Columns(ps);
                    c.varchar(list, BlobObjectRow::objectId);
                    c.varchar(list, BlobObjectRow::blobId);
                    c.varchar(list, BlobObjectRow::owner);
                    c.bigint(list, BlobObjectRow::registeredEpoch);
                    c.bigint(list, BlobObjectRow::certifiedEpoch);
                    c.bigint(list, BlobObjectRow::endEpoch);
                    c.bool(list, BlobObjectRow::deletable);
                    c.bigint(list, BlobObjectRow::size);
                    c.smallint(list, BlobObjectRow::encodingType);
                    c.bool(list, BlobObjectRow::deleted);
                    c.bool(list, BlobObjectRow::invalid);
                    c.bigint(list, BlobObjectRow::registeredEventId);
                    c.bigint(list, BlobObjectRow::lastEventId);
                    c.varchar(list, BlobObjectRow::lastTxDigest);
                    c.bigint(list, BlobObjectRow::lastEventSeq);
                });
    }
}
