package io.walrusj.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.indexer.follow.FollowerRunner;
import io.walrusj.indexer.support.TestChain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code indexer.transport=jsonrpc}: the legacy {@code suix_queryEvents} follower against the same
 * fake chain's JSON-RPC endpoint (network IDs from {@code devnet_getChainInfo}, committee from the
 * Staking object over JSON-RPC), exactly once, its cursor the last event's ID.
 */
class LegacyJsonRpcFollowerTest {

    @Test
    void followsOverJsonRpcExactlyOnce() throws IOException {
        Path dir = Path.of("target", "legacy-jsonrpc-data");
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        SuiAddress node = FakeSuiChain.addr(0x0a);
        try (TestChain chain = new TestChain()) {
            chain.fake().stakingState(IndexerIntegrationTest.staking(1, Map.of(node, List.of(0, 1))));
            chain.emit(node, new WalrusEvent.EpochChangeStart(1));
            for (int i = 0; i < 11; i++) {
                byte[] b = new byte[32];
                b[0] = (byte) i;
                b[31] = 0x44;
                chain.emit(FakeSuiChain.addr(0xd2), new WalrusEvent.BlobRegistered(1,
                        IndexerIntegrationTest.blob(700 + i), 10, 1, 9, false, SuiAddress.of(b)));
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IndexerApplication.class).run(
                    "--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
                    "--indexer.follow.enabled=false", "--indexer.data-dir=" + dir.toAbsolutePath(),
                    "--indexer.transport=jsonrpc", "--indexer.rpc-url=" + chain.fake().jsonRpcUri(),
                    "--indexer.follow.poll-interval=20ms")) {
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                app.getBean(FollowerRunner.class).start();
                await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                        "select coalesce(max(last_event_id), 0) from indexer_cursor", Long.class) == 12);
                Map<String, Object> agg = jdbc.queryForMap("select count(*) as c, "
                        + "count(distinct (tx_digest, event_seq)) as d, max(id) as hi from events");
                assertThat(agg).containsEntry("c", 12L).containsEntry("d", 12L).containsEntry("hi", 12L);
                assertThat(jdbc.queryForObject("select count(*) from blob_objects", Long.class)).isEqualTo(11);
                assertThat(jdbc.queryForObject("select count(*) from committee_members where epoch = 1", Long.class))
                        .isEqualTo(1);
                Map<String, Object> row = jdbc.queryForMap("select follower_cursor, tx_digest, event_seq from indexer_cursor");
                assertThat(row.get("follower_cursor")).isEqualTo("event:" + row.get("tx_digest") + ":" + row.get("event_seq"));
            }
        }
    }
}
