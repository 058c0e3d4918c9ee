package io.walrusj.indexer.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Binds one column of many rows as one PostgreSQL array parameter, for
 * {@code insert ... select * from unnest(?::type[], ...)}: a single statement per batch whatever
 * its size (prepared once, no per-row round trips). Parameters are bound in call order.
 */
final class Columns {

    private final PreparedStatement ps;
    private int index;

    Columns(PreparedStatement ps) {
        this.ps = ps;
    }

    <R> void varchar(List<R> rows, Function<R, String> f) throws SQLException {
        bind("varchar", rows.stream().map(f).toArray(String[]::new));
    }

    <R> void text(List<R> rows, Function<R, String> f) throws SQLException {
        bind("text", rows.stream().map(f).toArray(String[]::new));
    }

    <R> void bigint(List<R> rows, Function<R, Long> f) throws SQLException {
        bind("int8", rows.stream().map(f).toArray(Long[]::new));
    }

    <R> void integer(List<R> rows, Function<R, Integer> f) throws SQLException {
        bind("int4", rows.stream().map(f).toArray(Integer[]::new));
    }

    <R> void smallint(List<R> rows, Function<R, Integer> f) throws SQLException {
        bind("int2", rows.stream().map(f).map(v -> v == null ? null : v.shortValue()).toArray(Short[]::new));
    }

    <R> void bool(List<R> rows, Function<R, Boolean> f) throws SQLException {
        bind("bool", rows.stream().map(f).toArray(Boolean[]::new));
    }

    <R> void bytea(List<R> rows, Function<R, byte[]> f) throws SQLException {
        bind("bytea", rows.stream().map(f).toArray(byte[][]::new));
    }

    private void bind(String type, Object[] values) throws SQLException {
        ps.setArray(++index, ps.getConnection().createArrayOf(type, values));
    }
}
