package io.walrusj.devnet.ledger;

import io.walrusj.core.crypto.SuiAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL persistence of the ledger: appends a committed transaction with its checkpoint,
 * events, object versions and dynamic fields in one database transaction, and serves the reads
 * behind the JSON-RPC API.
 */
@Repository
public class LedgerStore {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public LedgerStore(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Writes all effects of one transaction, or nothing. */
    public void append(CommittedTransaction committed) {
        transactions.executeWithoutResult(status -> {
            Checkpoint cp = committed.checkpoint();
            jdbc.sql("insert into checkpoints (sequence_number, digest, previous_digest, timestamp_ms, epoch) values (?, ?, ?, ?, ?)")
                    .params(cp.sequenceNumber(), cp.digest(), cp.previousDigest(), cp.timestampMs(), cp.epoch())
                    .update();
            StoredTransaction tx = committed.transaction();
            jdbc.sql("insert into transactions (sequence_number, digest, checkpoint, sender, tx_bytes, signature, timestamp_ms) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(tx.sequence(), tx.digest(), tx.checkpoint(), tx.sender().bytes(), tx.txBytes(), tx.signature(),
                            tx.timestampMs())
                    .update();
            for (StoredEvent e : committed.events()) {
                jdbc.sql("insert into events (tx_sequence, event_seq, tx_digest, checkpoint, package_id, module, event_type, sender, "
                                + "bcs, parsed_json, timestamp_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)")
                        .params(e.txSequence(), e.eventSeq(), e.txDigest(), e.checkpoint(), e.packageId().bytes(), e.module(),
                                e.type(), e.sender().bytes(), e.bcs(), e.parsedJson(), e.timestampMs())
                        .update();
            }
            for (StoredObject o : committed.objects()) {
                jdbc.sql("insert into objects (object_id, version, digest, object_type, owner_kind, owner, initial_version, bcs, "
                                + "content_json, previous_tx, deleted) values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?) "
                                + "on conflict (object_id) do update set version = excluded.version, digest = excluded.digest, "
                                + "object_type = excluded.object_type, owner_kind = excluded.owner_kind, owner = excluded.owner, "
                                + "initial_version = excluded.initial_version, bcs = excluded.bcs, content_json = excluded.content_json, "
                                + "previous_tx = excluded.previous_tx, deleted = excluded.deleted")
                        .params(o.id().bytes(), o.version(), o.digest(), o.type(), o.ownerKind(),
                                o.owner() == null ? null : o.owner().bytes(), o.initialVersion(), o.bcs(), o.contentJson(),
                                o.previousTransaction(), o.deleted())
                        .update();
            }
            for (DynamicField f : committed.dynamicFields()) {
                jdbc.sql("insert into dynamic_fields (parent_id, name_type, name_bcs, name_json, field_id) "
                                + "values (?, ?, ?, cast(? as jsonb), ?) on conflict do nothing")
                        .params(f.parent().bytes(), f.nameType(), f.nameBcs(), f.nameJson(), f.fieldId().bytes())
                        .update();
            }
        });
    }

    /** Every accepted transaction in order, for replay on start. */
    public void forEachTransaction(Consumer<StoredTransaction> consumer) {
        jdbc.sql("select * from transactions order by sequence_number").query(LedgerStore::transaction).list().forEach(consumer);
    }

    public Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("select * from checkpoints order by sequence_number desc limit 1").query(LedgerStore::checkpoint).optional();
    }

    public Optional<StoredObject> object(SuiAddress id) {
        return jdbc.sql("select * from objects where object_id = ?").param(id.bytes()).query(LedgerStore::object).optional();
    }

    public Optional<SuiAddress> dynamicField(SuiAddress parent, String nameType, byte[] nameBcs) {
        return jdbc.sql("select field_id from dynamic_fields where parent_id = ? and name_type = ? and name_bcs = ?")
                .params(parent.bytes(), nameType, nameBcs)
                .query((rs, row) -> SuiAddress.of(rs.getBytes(1)))
                .optional();
    }

    public Optional<Checkpoint> checkpoint(long sequenceNumber) {
        return jdbc.sql("select * from checkpoints where sequence_number = ?").param(sequenceNumber)
                .query(LedgerStore::checkpoint).optional();
    }

    public Optional<Checkpoint> checkpoint(byte[] digest) {
        return jdbc.sql("select * from checkpoints where digest = ?").param(digest).query(LedgerStore::checkpoint).optional();
    }

    /** The transactions of a checkpoint in execution order (the devnet puts one in each). */
    public List<StoredTransaction> transactionsOf(long checkpoint) {
        return jdbc.sql("select * from transactions where checkpoint = ? order by sequence_number").param(checkpoint)
                .query(LedgerStore::transaction).list();
    }

    public Optional<StoredTransaction> transaction(byte[] digest) {
        return jdbc.sql("select * from transactions where digest = ?").param(digest).query(LedgerStore::transaction).optional();
    }

    /** The events of one transaction in emission order. */
    public List<StoredEvent> eventsOf(long txSequence) {
        return jdbc.sql("select * from events where tx_sequence = ? order by event_seq").param(txSequence)
                .query(LedgerStore::event).list();
    }

    /** First and last checkpoint labelled with {@code epoch}, with their timestamps; empty for an epoch never reached. */
    public Optional<EpochRange> epochRange(long epoch) {
        return jdbc.sql("select min(sequence_number) as first, max(sequence_number) as last, min(timestamp_ms) as start_ms, "
                        + "max(timestamp_ms) as end_ms from checkpoints where epoch = ? having count(*) > 0")
                .param(epoch)
                .query((rs, row) -> new EpochRange(rs.getLong("first"), rs.getLong("last"), rs.getLong("start_ms"), rs.getLong("end_ms")))
                .optional();
    }

    /** Checkpoints (first, last) and their timestamps (start, end) of one epoch. */
    public record EpochRange(long firstCheckpoint, long lastCheckpoint, long startMs, long endMs) {}

    /**
     * Live objects owned by the address {@code owner}, by object id after {@code after} (null: from the
     * start); {@code type} null for any, {@code anyInstantiation} to match {@code type<...>} as well.
     */
    public List<StoredObject> ownedObjects(SuiAddress owner, String type, boolean anyInstantiation, SuiAddress after, int limit) {
        StringBuilder sql = new StringBuilder("select * from objects where owner = ? and owner_kind = 'AddressOwner' and not deleted");
        List<Object> params = new java.util.ArrayList<>(List.of(owner.bytes()));
        if (type != null) {
            sql.append(anyInstantiation ? " and (object_type = ? or object_type like ?)" : " and object_type = ?");
            params.add(type);
            if (anyInstantiation) {
                params.add(type.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "<%");
            }
        }
        if (after != null) {
            sql.append(" and object_id > ?");
            params.add(after.bytes());
        }
        sql.append(" order by object_id limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(LedgerStore::object).list();
    }

    /** Live dynamic fields of {@code parent} with their field objects, by field id after {@code after} (null: from the start). */
    public List<FieldWithObject> dynamicFields(SuiAddress parent, SuiAddress after, int limit) {
        String sql = "select f.name_type, f.name_bcs, f.name_json, o.* from dynamic_fields f join objects o on o.object_id = f.field_id "
                + "where f.parent_id = ? and not o.deleted" + (after == null ? "" : " and f.field_id > ?") + " order by f.field_id limit ?";
        List<Object> params = new java.util.ArrayList<>(List.of(parent.bytes()));
        if (after != null) {
            params.add(after.bytes());
        }
        params.add(limit);
        return jdbc.sql(sql).params(params).query((rs, row) -> {
            StoredObject o = object(rs, row);
            return new FieldWithObject(new DynamicField(parent, rs.getString("name_type"), rs.getBytes("name_bcs"),
                    rs.getString("name_json"), o.id()), o);
        }).list();
    }

    /** A dynamic field and its current field object. */
    public record FieldWithObject(DynamicField field, StoredObject object) {}

    public Optional<Long> transactionSequence(byte[] digest) {
        return jdbc.sql("select sequence_number from transactions where digest = ?").param(digest).query(Long.class).optional();
    }

    /**
     * Events matching {@code query} strictly after (or, descending, before) position
     * {@code (afterTx, afterSeq)}; null position = from the start (or the end).
     */
    public List<StoredEvent> events(EventQuery query, Long afterTx, Integer afterSeq, int limit, boolean descending) {
        StringBuilder sql = new StringBuilder("select * from events where true");
        List<Object> params = new java.util.ArrayList<>();
        switch (query) {
            case EventQuery.ByModule m -> {
                // Sui's MoveEventModule matches the module that defines the event type.
                sql.append(" and event_type like ?");
                params.add(m.packageId() + "::" + m.module() + "::%");
            }
            case EventQuery.ByType t -> {
                sql.append(" and event_type = ?");
                params.add(t.type());
            }
            case EventQuery.All a -> { }
        }
        if (afterTx != null) {
            sql.append(descending ? " and (tx_sequence, event_seq) < (?, ?)" : " and (tx_sequence, event_seq) > (?, ?)");
            params.add(afterTx);
            params.add(afterSeq);
        }
        String order = descending ? " desc" : "";
        sql.append(" order by tx_sequence").append(order).append(", event_seq").append(order).append(" limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(LedgerStore::event).list();
    }

    private static StoredTransaction transaction(ResultSet rs, int row) throws SQLException {
        return new StoredTransaction(rs.getLong("sequence_number"), rs.getBytes("digest"), rs.getLong("checkpoint"),
                SuiAddress.of(rs.getBytes("sender")), rs.getBytes("tx_bytes"), rs.getString("signature"), rs.getLong("timestamp_ms"));
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong("sequence_number"), rs.getBytes("digest"), rs.getBytes("previous_digest"),
                rs.getLong("timestamp_ms"), rs.getLong("epoch"));
    }

    private static StoredObject object(ResultSet rs, int row) throws SQLException {
        byte[] owner = rs.getBytes("owner");
        long initial = rs.getLong("initial_version");
        Long initialVersion = rs.wasNull() ? null : initial;
        return new StoredObject(SuiAddress.of(rs.getBytes("object_id")), rs.getLong("version"), rs.getBytes("digest"),
                rs.getString("object_type"), rs.getString("owner_kind"), owner == null ? null : SuiAddress.of(owner),
                initialVersion, rs.getBytes("bcs"), rs.getString("content_json"), rs.getBytes("previous_tx"), rs.getBoolean("deleted"));
    }

    private static StoredEvent event(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("tx_sequence"), rs.getInt("event_seq"), rs.getBytes("tx_digest"), rs.getLong("checkpoint"),
                SuiAddress.of(rs.getBytes("package_id")), rs.getString("module"), rs.getString("event_type"),
                SuiAddress.of(rs.getBytes("sender")), rs.getBytes("bcs"), rs.getString("parsed_json"), rs.getLong("timestamp_ms"));
    }
}
