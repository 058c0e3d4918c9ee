package io.walrusj.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.EpochState;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.Protos;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.indexer.api.EventSignal;
import io.walrusj.indexer.follow.FollowerRunner;
import io.walrusj.indexer.ingest.BatchInterceptor;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.store.CursorDao;
import io.walrusj.indexer.support.Api;
import io.walrusj.indexer.support.TestChain;
import io.walrusj.web.RawHttp;
import io.walrusj.web.RejectedTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application (one Spring context, the embedded PostgreSQL of the app itself) following
 * chain-testing's {@link FakeSuiChain} over Sui gRPC (checkpoints); everything is checked through
 * the REST API and the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The follower's retry warnings are provoked on purpose here.
        properties = "logging.level.io.walrusj.chain.follow=ERROR")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndexerIntegrationTest {

    static final TestChain chain = new TestChain();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Path dataDir = freshDataDir();

    static final SuiAddress ALICE = FakeSuiChain.addr(0xa1);
    static final SuiAddress BOB = FakeSuiChain.addr(0xb0);
    static final SuiAddress NODE_A = FakeSuiChain.addr(0x0a);
    static final SuiAddress NODE_B = FakeSuiChain.addr(0x0b);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        for (String p : chain.grpcProperties()) {
            r.add(p.substring(0, p.indexOf('=')), () -> p.substring(p.indexOf('=') + 1));
        }
        r.add("indexer.data-dir", dataDir::toString);
        r.add("indexer.follow.stall-timeout", () -> "300ms");
        r.add("indexer.follow.backoff-initial", () -> "10ms");
        r.add("indexer.follow.backoff-max", () -> "50ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IngestService ingest;
    @Autowired
    FollowerRunner runner;
    @Autowired
    EventSignal signal;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager txManager;

    Api api;
    static int registrations;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void tearDown() {
        ingest.interceptor(BatchInterceptor.NONE);
        runner.start();
    }

    // ------------------------------------------------------------------ lifecycle

    @Test
    @Order(1)
    void fullLifecycleThroughTheApi() {
        chain.fake().stakingState(staking(1, Map.of(NODE_A, List.of(0, 1), NODE_B, List.of(2, 3))));
        EventId start1 = chain.emit(NODE_A, new WalrusEvent.EpochChangeStart(1));
        chain.emit(NODE_A, new WalrusEvent.ShardsReceived(1, List.of(1, 0)));
        chain.emit(NODE_B, new WalrusEvent.EpochChangeDone(1));
        awaitIndexed();
        JsonNode epoch = api.ok("/v1/epochs/current");
        assertThat(epoch.get("epoch").asLong()).isEqualTo(1);
        assertThat(epoch.get("state").asString()).isEqualTo("EPOCH_CHANGE_DONE");
        assertThat(epoch.get("startEvent").get("txDigest").asString()).isEqualTo(start1.txDigest());
        assertThat(epoch.get("shardsReceived").asInt()).isEqualTo(2);
        JsonNode committee = api.ok("/v1/committee");
        assertThat(committee.get("epoch").asLong()).isEqualTo(1);
        assertThat(committee.get("shardCount").asInt()).isEqualTo(4);
        assertThat(committee.get("members")).hasSize(2);
        JsonNode nodeA = committee.get("members").get(0);
        assertThat(nodeA.get("nodeId").asString()).isEqualTo(NODE_A.toString());
        assertThat(nodeA.get("shardsReceivedEventId").isNull()).isFalse();
        assertThat(committee.get("members").get(1).get("shardsReceivedEventId").isNull()).isTrue();

        // A permanent blob: registered, certified, extended.
        BlobId p = blob(1);
        SuiAddress p1 = FakeSuiChain.addr(0x51);
        EventId reg = register(ALICE, 1, p, 5, false, p1);
        awaitIndexed();
        JsonNode s = status(p);
        assertThat(s.get("permanent").get("isCertified").asBoolean()).isFalse();
        assertThat(s.get("permanent").get("endEpoch").asLong()).isEqualTo(5);
        assertThat(s.get("permanent").get("statusEvent").get("txDigest").asString()).isEqualTo(reg.txDigest());
        assertThat(s.get("permanent").get("initialCertifiedEpoch").isNull()).isTrue();

        EventId cert = chain.emit(ALICE, new WalrusEvent.BlobCertified(1, p, 5, false, p1, false));
        awaitIndexed();
        s = status(p);
        assertThat(s.get("permanent").get("isCertified").asBoolean()).isTrue();
        assertThat(s.get("permanent").get("statusEvent").get("txDigest").asString()).isEqualTo(cert.txDigest());
        assertThat(s.get("permanent").get("initialCertifiedEpoch").asLong()).isEqualTo(1);

        EventId ext = chain.emit(ALICE, new WalrusEvent.BlobCertified(1, p, 8, false, p1, true));
        awaitIndexed();
        s = status(p);
        assertThat(s.get("permanent").get("endEpoch").asLong()).isEqualTo(8);
        assertThat(s.get("permanent").get("statusEvent").get("txDigest").asString()).isEqualTo(ext.txDigest());
        JsonNode obj = api.ok("/v1/objects/" + p1);
        assertThat(obj.get("certifiedEpoch").asLong()).isEqualTo(1);
        assertThat(obj.get("endEpoch").asLong()).isEqualTo(8);
        assertThat(obj.get("owner").asString()).isEqualTo(ALICE.toString());
        assertThat(obj.get("size").asString()).isEqualTo("1024");

        // A deletable blob with two objects: one certified, one deleted.
        BlobId d = blob(2);
        SuiAddress d1 = FakeSuiChain.addr(0x61);
        SuiAddress d2 = FakeSuiChain.addr(0x62);
        register(BOB, 1, d, 4, true, d1);
        register(BOB, 1, d, 6, true, d2);
        chain.emit(BOB, new WalrusEvent.BlobCertified(1, d, 4, true, d1, false));
        awaitIndexed();
        JsonNode counts = status(d).get("deletable").get("deletableCounts");
        assertThat(counts.get("count_deletable_total").asInt()).isEqualTo(2);
        assertThat(counts.get("count_deletable_certified").asInt()).isEqualTo(1);
        assertThat(status(d).get("deletable").get("initialCertifiedEpoch").asLong()).isEqualTo(1);
        chain.emit(BOB, new WalrusEvent.BlobDeleted(1, d, 6, d2, false));
        awaitIndexed();
        counts = status(d).get("deletable").get("deletableCounts");
        assertThat(counts.get("count_deletable_total").asInt()).isEqualTo(1);
        assertThat(counts.get("count_deletable_certified").asInt()).isEqualTo(1);
        assertThat(api.ok("/v1/objects/" + d2).get("deleted").asBoolean()).isTrue();

        // An invalid blob: every object marked, also one registered afterwards.
        BlobId x = blob(3);
        SuiAddress x1 = FakeSuiChain.addr(0x71);
        register(ALICE, 1, x, 9, false, x1);
        chain.emit(ALICE, new WalrusEvent.BlobCertified(1, x, 9, false, x1, false));
        EventId invalid = chain.emit(NODE_B, new WalrusEvent.InvalidBlobId(1, x));
        SuiAddress x2 = FakeSuiChain.addr(0x72);
        register(BOB, 1, x, 9, true, x2);
        awaitIndexed();
        JsonNode inv = status(x);
        assertThat(inv.get("invalid").get("event").get("txDigest").asString()).isEqualTo(invalid.txDigest());
        assertThat(inv.get("invalid").get("event").get("eventSeq").asString()).isEqualTo("0");
        JsonNode xs = api.ok("/v1/blobs/" + x + "/objects");
        assertThat(xs.get("objects")).hasSize(2).allSatisfy(o -> assertThat(o.get("invalid").asBoolean()).isTrue());

        // Epoch 4: d1 (end 4) expires, d2 is deleted -> nonexistent; p (end 8) stays.
        chain.emit(NODE_A, new WalrusEvent.EpochChangeStart(4));
        awaitIndexed();
        assertThat(api.ok("/v1/blobs/" + d).get("status").asString()).isEqualTo("nonexistent");
        assertThat(api.ok("/v1/blobs/" + d).get("epoch").asLong()).isEqualTo(4);
        assertThat(api.ok("/v1/objects/" + d1).get("expired").asBoolean()).isTrue();
        assertThat(status(p).get("permanent").get("endEpoch").asLong()).isEqualTo(8);

        // Epoch 8, and the Staking object is gone: the committee read fails, indexing goes on.
        chain.fake().removeObject(FakeSuiChain.STAKING);
        chain.emit(NODE_A, new WalrusEvent.EpochChangeStart(8));
        awaitIndexed();
        assertThat(api.ok("/v1/blobs/" + p).get("status").asString()).isEqualTo("nonexistent");
        assertThat(api.ok("/v1/epochs/current").get("epoch").asLong()).isEqualTo(8);
        assertThat(api.get("/v1/committee").status()).isEqualTo(404);
        assertThat(api.ok("/v1/committee?epoch=1").get("members")).hasSize(2);
        assertThat(status(x).has("invalid")).isTrue();
        assertThat(api.ok("/v1/blobs/" + p).get("objectCount").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ paging and feed

    @Test
    @Order(2)
    void ownerBlobsArePaged() {
        SuiAddress carol = FakeSuiChain.addr(0xc0);
        List<String> expected = new ArrayList<>();
        WalrusEvent[] tx = new WalrusEvent[7];
        for (int i = 0; i < 7; i++) {
            SuiAddress obj = FakeSuiChain.addr(0x80 + i);
            tx[i] = new WalrusEvent.BlobRegistered(8, blob(100 + i), 10, 1, 20, i % 2 == 0, obj);
            registrations++;
            expected.add(obj.toString());
        }
        chain.emitTx(carol, tx); // one checkpoint, one transaction
        awaitIndexed();
        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (true) {
            JsonNode page = api.ok("/v1/owners/" + carol + "/blobs?limit=3" + (after.isEmpty() ? "" : "&after=" + after));
            page.get("objects").forEach(o -> seen.add(o.get("objectId").asString()));
            pages++;
            if (page.get("nextAfter").isNull()) {
                break;
            }
            after = page.get("nextAfter").asString();
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(api.ok("/v1/owners/" + FakeSuiChain.addr(0xee) + "/blobs").get("objects")).isEmpty();
    }

    @Test
    @Order(3)
    void eventLogIsPagedAndLongPolls() throws Exception {
        awaitIndexed();
        int total = chain.size();
        List<Long> ids = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.ok("/v1/events?after=" + after + "&limit=7");
            if (page.get("events").isEmpty()) {
                assertThat(page.get("next").asLong()).isEqualTo(after);
                break;
            }
            for (JsonNode e : page.get("events")) {
                ids.add(e.get("id").asLong());
                assertThat(e.get("bcs").asString()).isNotEmpty();
                assertThat(e.get("type").asString()).startsWith(FakeSuiChain.PACKAGE + "::events::");
            }
            after = page.get("next").asLong();
        }
        assertThat(ids).hasSize(total).isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
        JsonNode first = api.ok("/v1/events?limit=1").get("events").get(0);
        assertThat(first.get("name").asString()).isEqualTo("EpochChangeStart");
        assertThat(first.get("json").get("epoch").asInt()).isEqualTo(1);

        // Nothing new: waits the full time.
        long t0 = System.nanoTime();
        assertThat(api.ok("/v1/events?after=" + total + "&waitMs=300").get("events")).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(290));

        // A new event ends the wait early (emitted once the reader is waiting for it).
        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(
                () -> api.ok("/v1/events?after=" + total + "&waitMs=20000"));
        await().atMost(Duration.ofSeconds(10)).until(() -> signal.waiting() > 0);
        long t1 = System.nanoTime();
        chain.emit(ALICE, new WalrusEvent.PricesUpdated(8, 5, 6));
        JsonNode got = poll.get();
        assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofSeconds(5));
        assertThat(got.get("events")).hasSize(1);
        assertThat(got.get("events").get(0).get("name").asString()).isEqualTo("PricesUpdated");
        assertThat(got.get("events").get(0).get("json").get("storage_price").asString()).isEqualTo("5");
        assertThat(got.get("next").asLong()).isEqualTo(total + 1);
    }

    // ------------------------------------------------------------------ errors

    @Test
    @Order(4)
    void requestsTomcatRejectsAreAnsweredWithTheApiErrorBody() throws IOException {
        for (String target : RejectedTargets.ALL) {
            RawHttp r = RawHttp.get(port, target);
            String what = target.substring(0, Math.min(40, target.length()));
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(r.contentType()).as(what).startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("status").asInt()).as(what).isEqualTo(400);
            assertThat(body.get("error").asString()).as(what).isEqualTo("Bad Request");
            assertThat(body.get("reason").asString()).as(what).isNotBlank();
        }
    }

    @Test
    @Order(4)
    void badInputIs400AndUnknownIs404() {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("/v1/blobs/abc", 400);
        cases.put("/v1/blobs/" + "A".repeat(42) + "B", 400); // non-canonical trailing bits
        cases.put("/v1/blobs/" + "A".repeat(42) + "*", 400);
        cases.put("/v1/blobs/" + blob(999), 404);
        cases.put("/v1/blobs/abc/objects", 400);
        cases.put("/v1/blobs/" + blob(999) + "/objects", 404);
        cases.put("/v1/objects/0xnothex", 400);
        cases.put("/v1/objects/1234", 400);
        cases.put("/v1/objects/0x" + "1".repeat(65), 400);
        cases.put("/v1/objects/" + FakeSuiChain.addr(0xfe), 404);
        cases.put("/v1/owners/zz/blobs", 400);
        cases.put("/v1/owners/" + ALICE + "/blobs?limit=0", 400);
        cases.put("/v1/owners/" + ALICE + "/blobs?limit=x", 400);
        cases.put("/v1/owners/" + ALICE + "/blobs?after=0xqq", 400);
        cases.put("/v1/events?after=-1", 400);
        cases.put("/v1/events?after=abc", 400);
        cases.put("/v1/events?limit=1001", 400);
        cases.put("/v1/events?waitMs=30001", 400);
        cases.put("/v1/committee?epoch=-2", 400);
        cases.put("/v1/committee?epoch=12345", 404);
        cases.put("/v1/nothing-here", 404);
        cases.forEach((path, status) -> {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(status);
            assertThat(r.body()).as(path + " body").isNotNull();
            assertThat(r.body().get("status").asInt()).as(path).isEqualTo(status);
            assertThat(r.body().get("error").asString()).as(path).isNotBlank();
            assertThat(r.body().get("reason").asString()).as(path).isNotBlank();
        });
        assertThat(api.get("/v1/blobs/abc").body().get("reason").asString()).contains("43");
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    @Order(5)
    void transportFailuresAreRetried() {
        runner.stop();
        chain.fake().failNext(3); // the next session's first reads fail with UNAVAILABLE
        runner.start();
        registerFresh(3);
        awaitIndexed();
        assertExactlyOnce();
    }

    @Test
    @Order(5)
    void streamsThatEndFailOrStallAreReconnectedWithoutLossOrDuplicates() {
        awaitIndexed();
        int subscriptions = chain.fake().subscriptions();
        // every subscription sends 2 checkpoints, then ends: OK, UNAVAILABLE, or silence (a stall)
        FakeSuiChain.End[] ends = FakeSuiChain.End.values();
        chain.fake().plans(i -> new FakeSuiChain.Plan(0, 2, ends[i % ends.length]));
        try {
            runner.stop();
            runner.start();
            for (int i = 0; i < 5; i++) {
                registerFresh(3);
                chain.fake().appendEmpty(2);
                registerFresh(1);
                awaitIndexed();
            }
            assertExactlyOnce();
            assertThat(chain.fake().subscriptions() - subscriptions).as("subscriptions").isGreaterThanOrEqualTo(4);
        } finally {
            chain.fake().plans(i -> FakeSuiChain.Plan.LIVE);
            runner.stop();
        }
    }

    @Test
    @Order(5)
    void checkpointsWithoutWalrusEventsStillMoveTheCursor() {
        awaitIndexed();
        long events = lastEventId();
        long head = chain.fake().appendEmpty(4);
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xf0;
        chain.append(Protos.tx(Base58.encode(digest), Protos.foreign("BlobRegistered")));
        await().atMost(Duration.ofSeconds(15)).until(() -> head + 1 == checkpointDone());
        assertThat(lastEventId()).isEqualTo(events);
        assertExactlyOnce();
    }

    @Test
    @Order(6)
    void aBatchThatFailsAfterWritingEverythingRollsBack() {
        awaitIndexed();
        long before = lastEventId();
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Void> release = new CompletableFuture<>();
        ingest.interceptor(new BatchInterceptor() {
            @Override
            public void beforeCommit(List<WalrusEventEnvelope> events) {
                attempts.incrementAndGet();
                if (!release.isDone()) {
                    throw new IllegalStateException("injected failure after the batch's writes");
                }
            }
        });
        List<SuiAddress> objs = registerFresh(6);
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 3);
        // Nothing of the failing batch is visible: no event, no object, cursor unchanged.
        assertThat(lastEventId()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from events where id > ?", Long.class, before)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from blob_objects where object_id = ?", Long.class,
                objs.getFirst().toString())).isZero();
        assertThat(api.get("/v1/objects/" + objs.getFirst()).status()).isEqualTo(404);
        release.complete(null);
        awaitIndexed();
        assertExactlyOnce();
    }

    @Test
    @Order(7)
    void aHandlerThatFailsAfterItsCommitDoesNotDouble() {
        AtomicInteger failures = new AtomicInteger();
        ingest.interceptor(new BatchInterceptor() {
            @Override
            public void afterCommit(List<WalrusEventEnvelope> events) {
                if (failures.getAndIncrement() < 2) {
                    throw new IllegalStateException("injected failure after the commit");
                }
            }
        });
        registerFresh(9);
        awaitIndexed();
        assertThat(failures.get()).isGreaterThanOrEqualTo(2);
        assertExactlyOnce();
    }

    @Test
    @Order(8)
    void stopAndRestartResumesFromTheCommittedCursor() throws Exception {
        awaitIndexed();
        // stop() returns once the follower's threads have ended: nothing is left that could poll
        assertThat(runner.stop()).as("the follower's threads ended").isTrue();
        assertThat(runner.state()).isEmpty();
        int reads = chain.reads();
        long before = lastEventId();
        registerFresh(10);
        assertThat(chain.reads()).as("chain reads while stopped").isEqualTo(reads);
        assertThat(lastEventId()).isEqualTo(before);
        runner.start();
        awaitIndexed();
        assertExactlyOnce();
        // And again, stopping while batches are flowing.
        registerFresh(25);
        await().atMost(Duration.ofSeconds(10)).until(() -> lastEventId() > before + 10);
        runner.stop();
        runner.start();
        awaitIndexed();
        assertExactlyOnce();
    }

    @Test
    @Order(9)
    void metricsAndOpenApi() {
        String prom = api.get("/actuator/prometheus").text();
        assertThat(prom).contains("indexer_events_ingested_total{type=\"BlobRegistered\"}")
                .contains("indexer_errors_total{kind=\"poll\"}")
                .contains("indexer_errors_total{kind=\"committee\"}")
                .contains("indexer_lag_seconds")
                .contains("indexer_lag_checkpoints")
                .contains("indexer_chain_head_checkpoint");
        JsonNode docs = api.ok("/v3/api-docs");
        assertThat(docs.get("paths").propertyNames()).contains("/v1/blobs/{blobId}", "/v1/blobs/{blobId}/objects",
                "/v1/objects/{objectId}", "/v1/owners/{address}/blobs", "/v1/epochs/current", "/v1/committee",
                "/v1/events");
        // the lag gauges come from the checkpoint follower: real numbers, caught up
        await().atMost(Duration.ofSeconds(20)).until(() -> checkpointDone() == chain.fake().head());
        assertThat(prom).doesNotContain("indexer_lag_checkpoints NaN").doesNotContain("indexer_lag_seconds NaN");
        assertThat(api.get("/actuator/prometheus").text()).contains("indexer_lag_checkpoints 0.0");
        JsonNode state = api.ok("/v1/indexer");
        assertThat(state.get("followerState").asString()).isEqualTo("RUNNING");
        assertThat(state.get("cursor").asString()).isEqualTo("checkpoint:" + chain.fake().head());
        assertThat(state.get("lastEventId").asLong()).isEqualTo(chain.size());
        assertThat(state.get("packageId").asString()).isEqualTo(FakeSuiChain.PACKAGE.toString());
    }

    @Test
    @Order(10)
    void aBatchTransactionHoldsTheCursorRowLock() throws Exception {
        awaitIndexed();
        runner.stop();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            new TransactionTemplate(txManager).executeWithoutResult(tx -> {
                long[] positionAndEpoch = new CursorDao(jdbc).lockPositionAndEpoch("walrus");
                assertThat(positionAndEpoch[0]).isEqualTo(chain.size());
                assertThatThrownBy(() -> other.createStatement()
                        .executeQuery("select * from indexer_cursor for update nowait"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("lock");
            });
            other.rollback();
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Every event of the chain is in the log exactly once, in chain order, with ids 1..n. */
    private void assertExactlyOnce() {
        int n = chain.size();
        Map<String, Object> agg = jdbc.queryForMap("select count(*) as c, count(distinct (tx_digest, event_seq)) as d, "
                + "min(id) as lo, max(id) as hi from events");
        assertThat(((Number) agg.get("c")).longValue()).isEqualTo(n);
        assertThat(((Number) agg.get("d")).longValue()).isEqualTo(n);
        assertThat(((Number) agg.get("lo")).longValue()).isEqualTo(1);
        assertThat(((Number) agg.get("hi")).longValue()).isEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from events where name = 'BlobRegistered'", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(*) from blob_objects", Long.class));
        assertThat(jdbc.queryForObject("select last_event_id from indexer_cursor", Long.class)).isEqualTo(n);
    }

    private List<SuiAddress> registerFresh(int count) {
        List<SuiAddress> objs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = 1000 + registrations++;
            byte[] b = new byte[32];
            b[0] = (byte) 0xcc;
            b[1] = (byte) (k >> 8);
            b[2] = (byte) k;
            SuiAddress obj = SuiAddress.of(b);
            register(BOB, 8, blob(k), 30, false, obj);
            objs.add(obj);
        }
        return objs;
    }

    private static EventId register(SuiAddress sender, long epoch, BlobId blob, long end, boolean deletable,
            SuiAddress obj) {
        return chain.emit(sender, new WalrusEvent.BlobRegistered(epoch, blob, 1024, 1, end, deletable, obj));
    }

    private JsonNode status(BlobId blob) {
        JsonNode r = api.ok("/v1/blobs/" + blob);
        assertThat(r.get("blobId").asString()).isEqualTo(blob.toString());
        return r.get("status");
    }

    private long lastEventId() {
        return Optional.ofNullable(jdbc.queryForObject("select max(last_event_id) from indexer_cursor", Long.class))
                .orElse(0L);
    }

    /** The last checkpoint the committed cursor has completely done (-1 before any). */
    private long checkpointDone() {
        String c = jdbc.queryForObject("select max(follower_cursor) from indexer_cursor", String.class);
        return c == null ? -1
                : io.walrusj.chain.follow.CheckpointCursor.parse(c.substring("checkpoint:".length())).lastCompleteCheckpoint();
    }

    private void awaitIndexed() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> lastEventId() == chain.size());
    }

    static BlobId blob(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[1] = (byte) (n >> 8);
        b[31] = 0x42;
        return BlobId.of(b);
    }

    static StakingInnerV1 staking(long epoch, Map<SuiAddress, List<Integer>> shards) {
        Map<SuiAddress, List<Integer>> sorted = new TreeMap<>(shards);
        return new StakingInnerV1(4, 3_600_000, 0, FakeSuiChain.addr(0x91), 2, epoch, FakeSuiChain.addr(0x92),
                Optional.empty(), new Committee(sorted), new Committee(Map.of()), Optional.empty(),
                new EpochState.EpochChangeSync(0), FakeSuiChain.addr(0x93));
    }

    private static Path freshDataDir() {
        Path dir = Path.of("target", "it-data");
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
