package io.walrusj.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    /**
     * A JVM killed with SIGKILL leaves its PostgreSQL child running on the data directory; the next
     * start must take over that directory with every committed row intact.
     */
    @Test
    void restartsAfterKillNineWithTheDataIntact(@TempDir Path dir) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanMaker.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                // startup log lines
            }
            assertThat(line).as("child JVM reported READY").isEqualTo("READY");
            child.destroyForcibly(); // kill -9: the server process survives as an orphan
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(EmbeddedPostgresServer.orphan(dir)).as("orphaned server").isPresent();

        EmbeddedPostgres restarted = EmbeddedPostgresServer.start(dir, 0);
        try (Connection c = restarted.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v, version() from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(42);
            assertThat(rs.getString(2)).startsWith("PostgreSQL 18");
        } finally {
            restarted.close();
        }
        assertThat(EmbeddedPostgresServer.orphan(dir)).isEmpty();
    }
}
