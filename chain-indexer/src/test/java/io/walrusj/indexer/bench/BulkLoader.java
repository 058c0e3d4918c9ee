package io.walrusj.indexer.bench;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.indexer.status.BlobStatus;
import io.walrusj.indexer.status.BlobStatusCalculator;
import io.walrusj.indexer.status.ObjectFacts;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Fills {@code blob_objects} and {@code blob_status} with {@code n} blob IDs of one Blob object
 * each through PostgreSQL's {@code COPY ... FROM STDIN} (CSV); statuses come from
 * {@link BlobStatusCalculator}, as the indexer would compute them. One transaction.
 */
final class BulkLoader {

    private BulkLoader() {
    }

    /** Blob ID number {@code i} of the loaded set. */
    static BlobId blobId(long i) {
        byte[] b = new byte[32];
        b[0] = (byte) 0xaa;
        for (int k = 0; k < 8; k++) {
            b[1 + k] = (byte) (i >>> (8 * k));
        }
        return BlobId.of(b);
    }

    private record Row(long i, String blob, String object, String owner, boolean deletable, Long certified, long end,
            long size) {
        String digest() {
            return "bulk" + i;
        }
    }

    static void load(DataSource ds, int n, long currentEpoch) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, "copy blob_objects (object_id, blob_id, owner, registered_epoch, certified_epoch, end_epoch, "
                    + "deletable, size, encoding_type, deleted, invalid, registered_event_id, last_event_id, "
                    + "last_tx_digest, last_event_seq) from stdin (format csv)", n, currentEpoch, (r, sb) ->
                    sb.append(r.object()).append(',').append(r.blob()).append(',').append(r.owner()).append(",1,")
                            .append(r.certified() == null ? "" : r.certified()).append(',').append(r.end()).append(',')
                            .append(r.deletable()).append(',').append(r.size()).append(",1,false,false,")
                            .append(r.i()).append(',').append(r.i()).append(',').append(r.digest()).append(",0\n"));
            copy(copy, "copy blob_status (blob_id, status, is_certified, end_epoch, status_tx_digest, status_event_seq, "
                    + "initial_certified_epoch, count_deletable_total, count_deletable_certified, invalid_tx_digest, "
                    + "invalid_event_seq, object_count, computed_epoch, updated_event_id) from stdin (format csv)", n,
                    currentEpoch, (r, sb) -> {
                        BlobStatus s = BlobStatusCalculator.compute(List.of(new ObjectFacts(r.deletable(), false,
                                r.certified(), r.end(), new EventId(r.digest(), 0), r.i())), null, currentEpoch);
                        sb.append(r.blob()).append(',').append(s.kind().wire()).append(',')
                                .append(s.certified() == null ? "" : s.certified()).append(',')
                                .append(s.endEpoch() == null ? "" : s.endEpoch()).append(',')
                                .append(s.statusEvent() == null ? "" : s.statusEvent().txDigest()).append(',')
                                .append(s.statusEvent() == null ? "" : s.statusEvent().eventSeq()).append(',')
                                .append(s.initialCertifiedEpoch() == null ? "" : s.initialCertifiedEpoch()).append(',')
                                .append(s.countDeletableTotal()).append(',').append(s.countDeletableCertified())
                                .append(",,,").append(s.objectCount()).append(',').append(s.epoch()).append(',')
                                .append(r.i()).append('\n');
                    });
            try (Statement st = c.createStatement()) {
                st.execute("insert into epochs (epoch, state) values (" + currentEpoch + ", 'OBSERVED') "
                        + "on conflict do nothing");
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("analyze blob_objects");
                st.execute("analyze blob_status");
            }
        }
    }

    /** Rows are drawn from the same seeded generator in every pass, so both tables agree. */
    private static void copy(CopyManager copy, String sql, int n, long currentEpoch, BiConsumer<Row, StringBuilder> csv)
            throws SQLException {
        SplittableRandom random = new SplittableRandom(7);
        CopyIn in = copy.copyIn(sql);
        StringBuilder sb = new StringBuilder(1 << 21);
        for (long i = 0; i < n; i++) {
            Row r = new Row(i, blobId(i).toString(), SyntheticChain.address(0xaa, i).toString(),
                    SyntheticChain.address(0xee, i % 1000).toString(), random.nextInt(4) == 0,
                    random.nextInt(5) == 0 ? null : 1L, currentEpoch + 1 + random.nextInt(100),
                    1 + random.nextInt(1 << 20));
            csv.accept(r, sb);
            if (sb.length() > 1 << 20) {
                write(in, sb);
            }
        }
        write(in, sb);
        in.endCopy();
    }

    private static void write(CopyIn copy, StringBuilder sb) throws SQLException {
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        sb.setLength(0);
    }
}
