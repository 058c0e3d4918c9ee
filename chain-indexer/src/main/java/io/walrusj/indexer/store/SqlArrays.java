package io.walrusj.indexer.store;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** PostgreSQL array parameters. */
final class SqlArrays {

    private SqlArrays() {
    }

    static Array varchar(PreparedStatement ps, Collection<String> values) throws SQLException {
        return ps.getConnection().createArrayOf("varchar", values.toArray(String[]::new));
    }

    static Array integers(PreparedStatement ps, Collection<Integer> values) throws SQLException {
        return ps.getConnection().createArrayOf("integer", values.toArray(Integer[]::new));
    }

    /** A nullable long column. */
    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static Long getLong(java.sql.ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
