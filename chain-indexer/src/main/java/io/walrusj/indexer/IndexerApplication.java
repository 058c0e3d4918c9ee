package io.walrusj.indexer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The chain indexer: follows the Walrus event stream into PostgreSQL and serves it over REST.
 * The JPA repositories are the read side only, so their calls run without a transaction of their
 * own (one round trip per lookup instead of BEGIN/SELECT/COMMIT); writes go through
 * {@link io.walrusj.indexer.ingest.IngestService}, one transaction per event page.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableJpaRepositories(enableDefaultTransactions = false)
public class IndexerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndexerApplication.class, args);
    }
}
