package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(properties = "devnet.data-dir=${java.io.tmpdir}/walrusj-devnet-test-${random.uuid}")
class EmbeddedDatabaseTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void realPostgresWithTheLedgerSchema() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 18");
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_name in "
                + "('checkpoints','transactions','events','objects','dynamic_fields')").query(Long.class).single()).isEqualTo(5);
    }
}
