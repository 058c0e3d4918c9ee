package io.walrusj.indexer.ingest;

import io.walrusj.indexer.store.CursorDao;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The write side: JDBC batches in one transaction per event page, through the application's transaction manager. */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    /** The cursor row of the one event stream this indexer follows. */
    public static final String STREAM = "walrus";

    @Bean
    CursorDao cursorDao(JdbcTemplate jdbc) {
        return new CursorDao(jdbc);
    }

    @Bean
    IngestService ingestService(PlatformTransactionManager txManager, JdbcTemplate jdbc, List<IngestListener> listeners) {
        return new IngestService(new TransactionTemplate(txManager), new BatchApplier(jdbc, STREAM), listeners);
    }
}
