package io.walrusj.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.indexer.follow.FollowerRunner;
import io.walrusj.indexer.ingest.BatchInterceptor;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.support.FakeChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application is shut down in the middle of the stream, while a batch keeps failing after all
 * its writes (as if the process died inside the transaction), and started again on the same data
 * directory: the embedded PostgreSQL keeps the data, the follower resumes at the committed cursor
 * and every event ends up in the database exactly once.
 */
class ProcessRestartTest {

    @Test
    void restartOnTheSameDataDirectoryNeitherLosesNorDoubles() throws IOException {
        Path dir = fresh(Path.of("target", "restart-data"));
        try (FakeChain chain = FakeChain.start()) {
            SuiAddress sender = FakeChain.addr(0xd0);
            for (int i = 0; i < 30; i++) {
                byte[] b = new byte[32];
                b[0] = (byte) i;
                b[31] = 0x33;
                chain.emit(sender, new WalrusEvent.BlobRegistered(2, IndexerIntegrationTest.blob(500 + i), 10, 1, 9,
                        i % 3 == 0, SuiAddress.of(b)));
            }

            try (ConfigurableApplicationContext first = start(dir, chain)) {
                AtomicInteger batches = new AtomicInteger();
                first.getBean(IngestService.class).interceptor(new BatchInterceptor() {
                    @Override
                    public void beforeCommit(List<WalrusEventEnvelope> events) {
                        if (batches.incrementAndGet() >= 3) {
                            throw new IllegalStateException("dies inside the third batch's transaction");
                        }
                    }
                });
                first.getBean(FollowerRunner.class).start();
                await().atMost(Duration.ofSeconds(15)).until(() -> batches.get() >= 5);
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                assertThat(count(jdbc, "events")).isEqualTo(14);
                assertThat(count(jdbc, "blob_objects")).isEqualTo(14);
                assertThat(jdbc.queryForObject("select last_event_id from indexer_cursor", Long.class)).isEqualTo(14);
            }

            try (ConfigurableApplicationContext second = start(dir, chain)) {
                second.getBean(FollowerRunner.class).start();
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofSeconds(15)).until(() -> count(jdbc, "events") >= 30
                        && jdbc.queryForObject("select last_event_id from indexer_cursor", Long.class) == 30);
                Map<String, Object> agg = jdbc.queryForMap("select count(*) as c, count(distinct (tx_digest, event_seq)) "
                        + "as d, max(id) as hi from events");
                assertThat(agg).containsEntry("c", 30L).containsEntry("d", 30L).containsEntry("hi", 30L);
                assertThat(count(jdbc, "blob_objects")).isEqualTo(30);
                assertThat(count(jdbc, "blob_status")).isEqualTo(30);
                assertThat(jdbc.queryForObject("select count(*) from blob_status where status = 'deletable'", Long.class))
                        .isEqualTo(10);
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dir, FakeChain chain) {
        return new SpringApplicationBuilder(IndexerApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--indexer.follow.enabled=false",
                "--indexer.data-dir=" + dir,
                "--indexer.rpc-url=" + chain.uri(),
                "--indexer.follow.page-size=7",
                "--indexer.follow.poll-interval=20ms",
                "--indexer.follow.backoff-initial=10ms",
                "--indexer.follow.backoff-max=50ms",
                "--logging.level.io.walrusj.chain.follow=ERROR");
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir).toAbsolutePath();
    }
}
