package io.walrusj.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Test helper run in a child JVM: starts a server, commits a row, then waits to be killed. */
public final class OrphanMaker {
    private OrphanMaker() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgresServer.start(Path.of(args[0]), 0);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table kept (v int)");
            s.execute("insert into kept values (42)");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
