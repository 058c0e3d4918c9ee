package io.walrusj.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.Protos;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.indexer.follow.FollowerRunner;
import io.walrusj.indexer.ingest.BatchInterceptor;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.support.TestChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * The application is shut down in the middle of the stream - inside a checkpoint whose events
 * span two batches (more than the follower's 500 per batch), while a batch keeps failing after all its writes (as if the process died
 * inside the transaction) - and started again on the same data directory: the embedded PostgreSQL
 * keeps the data, the follower resumes at the committed checkpoint cursor and every event of the
 * fake chain ends up in the database exactly once. Also: a database left by the legacy JSON-RPC
 * follower is re-indexed from genesis over gRPC.
 */
class ProcessRestartTest {

    @Test
    void restartInsideACheckpointNeitherLosesNorDoubles() throws IOException {
        Path dir = fresh(Path.of("target", "restart-data"));
        try (TestChain chain = new TestChain()) {
            SuiAddress sender = FakeSuiChain.addr(0xd0);
            // checkpoint 1: 510 registrations in two transactions with a foreign event between them
            chain.append(tx(chain, sender, 0, 255), Protos.tx(digest(0xf0), Protos.foreign("BlobRegistered")),
                    tx(chain, sender, 255, 255));
            chain.fake().appendEmpty(3);
            for (int i = 510; i < 530; i++) {
                chain.emit(sender, registration(i));
            }
            assertThat(chain.size()).isEqualTo(530);

            try (ConfigurableApplicationContext first = start(dir, chain)) {
                AtomicInteger withEvents = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                first.getBean(IngestService.class).interceptor(new BatchInterceptor() {
                    @Override
                    public void beforeCommit(List<WalrusEventEnvelope> events) {
                        if (!events.isEmpty() && withEvents.incrementAndGet() >= 2) {
                            failed.incrementAndGet();
                            throw new IllegalStateException("dies inside the second batch's transaction");
                        }
                    }
                });
                first.getBean(FollowerRunner.class).start();
                await().atMost(Duration.ofSeconds(30)).until(() -> failed.get() >= 3);
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                // one batch of 500 events committed: the cursor is inside checkpoint 1, after its 500th
                // Walrus event (position 500: the foreign event counts)
                assertThat(count(jdbc, "events")).isEqualTo(500);
                assertThat(count(jdbc, "blob_objects")).isEqualTo(500);
                assertThat(jdbc.queryForMap("select follower_cursor, last_event_id from indexer_cursor"))
                        .containsEntry("follower_cursor", "checkpoint:1:500").containsEntry("last_event_id", 500L);
            }

            try (ConfigurableApplicationContext second = start(dir, chain)) {
                second.getBean(FollowerRunner.class).start();
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                String head = "checkpoint:" + chain.fake().head();
                await().atMost(Duration.ofSeconds(30)).until(() -> head.equals(
                        jdbc.queryForObject("select follower_cursor from indexer_cursor", String.class)));
                assertExactlyOnce(jdbc, chain);
                assertThat(count(jdbc, "blob_status")).isEqualTo(530);
                assertThat(jdbc.queryForObject("select count(*) from blob_status where status = 'deletable'", Long.class))
                        .isEqualTo(177); // i % 3 == 0 for i in 0..529
            }
        }
    }

    @Test
    void aDatabaseOfTheLegacyFollowerIsReindexedFromGenesis() throws IOException {
        Path dir = fresh(Path.of("target", "legacy-cursor-data"));
        try (TestChain chain = new TestChain()) {
            for (int i = 0; i < 12; i++) {
                chain.emit(FakeSuiChain.addr(0xd1), registration(i));
            }
            try (ConfigurableApplicationContext app = start(dir, chain)) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                // what the legacy follower left: an event cursor and its log
                jdbc.update("insert into events (id, tx_digest, event_seq, type, name, sender, bcs) "
                        + "values (1, 'LegacyTx', 0, 'x::events::PricesUpdated', 'PricesUpdated', '0x1', '\\x00')");
                jdbc.update("insert into indexer_cursor (stream, tx_digest, event_seq, follower_cursor, last_event_id, "
                        + "updated_at) values ('walrus', 'LegacyTx', 0, 'event:LegacyTx:0', 1, now())");
                app.getBean(FollowerRunner.class).start();
                await().atMost(Duration.ofSeconds(15)).until(() -> count(jdbc, "events") == 12
                        && jdbc.queryForObject("select follower_cursor from indexer_cursor", String.class)
                                .startsWith("checkpoint:"));
                assertExactlyOnce(jdbc, chain);
                assertThat(count(jdbc, "blob_objects")).isEqualTo(12);
            }
        }
    }

    private static void assertExactlyOnce(JdbcTemplate jdbc, TestChain chain) {
        long n = chain.size();
        Map<String, Object> agg = jdbc.queryForMap("select count(*) as c, count(distinct (tx_digest, event_seq)) "
                + "as d, min(id) as lo, max(id) as hi from events");
        assertThat(agg).containsEntry("c", n).containsEntry("d", n).containsEntry("lo", 1L).containsEntry("hi", n);
        assertThat(jdbc.queryForObject("select last_event_id from indexer_cursor", Long.class)).isEqualTo(n);
        assertThat(count(jdbc, "blob_objects")).isEqualTo(n);
    }

    private static ExecutedTransaction tx(TestChain chain, SuiAddress sender, int first, int n) {
        List<WalrusEvent> events = new ArrayList<>();
        for (int i = first; i < first + n; i++) {
            events.add(registration(i));
        }
        return chain.fake().transaction(sender, events.toArray(WalrusEvent[]::new));
    }

    private static WalrusEvent registration(int i) {
        byte[] b = new byte[32];
        b[0] = (byte) i;
        b[1] = (byte) (i >> 8);
        b[31] = 0x33;
        return new WalrusEvent.BlobRegistered(2, IndexerIntegrationTest.blob(500 + i), 10, 1, 9, i % 3 == 0,
                SuiAddress.of(b));
    }

    private static String digest(int b) {
        byte[] d = new byte[32];
        d[0] = (byte) b;
        return Base58.encode(d);
    }

    private static ConfigurableApplicationContext start(Path dir, TestChain chain) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--indexer.follow.enabled=false",
                "--indexer.data-dir=" + dir,
                "--indexer.follow.backoff-initial=10ms",
                "--indexer.follow.backoff-max=50ms",
                "--logging.level.io.walrusj.chain.follow=ERROR"));
        chain.grpcProperties().forEach(p -> args.add("--" + p));
        return new SpringApplicationBuilder(IndexerApplication.class).run(args.toArray(String[]::new));
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
