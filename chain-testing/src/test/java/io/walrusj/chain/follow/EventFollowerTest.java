package io.walrusj.chain.follow;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiServer;

import static io.walrusj.chain.testing.FakeSuiServer.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.walrusj.chain.testing.FakeSuiServer.Reply;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.rpc.SuiRpcException;
import io.walrusj.chain.rpc.SuiTransportException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventFollowerTest {

    static final EventId P1_LAST = new EventId("EWe5tg8PcTNUeL99Aw3aWJBkyHDB3BMfzhwpvtYaKHoW", 1);
    static final EventId P2_LAST = new EventId("CXCS3qZgeLATaVBhtcyGuVZfiDiW5FAxTuziaE1tCBwU", 0);
    static final List<String> ALL_NAMES =
            List.of("BlobRegistered", "BlobCertified", "EpochChangeStart", "EpochChangeDone", "PricesUpdated");

    /** Fast backoff without jitter: 5, 10, 20 ms ... capped at 40 ms. */
    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(40), 2.0, 0.0);

    private FakeSuiServer server;
    private SuiRpcClient client;
    private final List<EventFollower> followers = new ArrayList<>();

    /** What the consumer committed: the applied events and the cursor, atomically (under a lock). */
    static final class Consumer implements EventBatchHandler {
        final InMemoryCursorStore store = new InMemoryCursorStore();
        final List<EventId> applied = Collections.synchronizedList(new ArrayList<>());
        final List<List<EventId>> deliveries = new CopyOnWriteArrayList<>();
        final List<WalrusEventEnvelope> envelopes = new CopyOnWriteArrayList<>();
        volatile Function<Integer, Boolean> failOnDelivery = n -> false; // before commit
        volatile Function<Integer, Boolean> failAfterCommit = n -> false;

        @Override
        public synchronized void handle(List<WalrusEventEnvelope> events, EventId newCursor) {
            int n = deliveries.size();
            deliveries.add(events.stream().map(WalrusEventEnvelope::id).toList());
            assertThat(newCursor).isEqualTo(events.getLast().id());
            if (failOnDelivery.apply(n)) {
                throw new IllegalStateException("database unavailable");
            }
            // "transaction": effects + cursor
            events.forEach(e -> applied.add(e.id()));
            envelopes.addAll(events);
            store.save(newCursor);
            if (failAfterCommit.apply(n)) {
                throw new IllegalStateException("failed after commit");
            }
        }
    }

    @BeforeEach
    void setUp() {
        server = FakeSuiServer.start();
        client = SuiRpcClient.builder(server.uri()).requestTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void tearDown() {
        followers.forEach(f -> f.stop(Duration.ofSeconds(5)));
        client.close();
        server.close();
    }

    /** Page 1, page 2, then empty pages, chosen by the request's cursor. */
    static Reply pages(JsonNode request) {
        JsonNode cursor = request.get("params").get(1);
        if (cursor.isNull()) {
            return Reply.ok(recorded("queryEvents-page1.json"));
        }
        EventId id = EventId.fromJson("test", cursor, "cursor");
        if (id.equals(P1_LAST)) {
            return Reply.ok(recorded("queryEvents-page2.json"));
        }
        if (id.equals(P2_LAST)) {
            return Reply.ok(recorded("queryEvents-empty-after-page2.json"));
        }
        return Reply.status(400);
    }

    EventFollower.Builder follower(SuiRpcClient rpc, Consumer consumer) {
        return EventFollower.builder(rpc, WalrusNetwork.MAINNET, consumer.store, consumer)
                .pageSize(3)
                .pollInterval(Duration.ofMillis(5))
                .backoff(FAST)
                .maxConsecutiveErrors(10);
    }

    EventFollower track(EventFollower f) {
        followers.add(f);
        return f;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    static List<String> names(List<WalrusEventEnvelope> envelopes) {
        return envelopes.stream().map(e -> e.event().name()).toList();
    }

    private List<EventId> allIds() {
        return List.of(new EventId("DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx", 0),
                new EventId("EWe5tg8PcTNUeL99Aw3aWJBkyHDB3BMfzhwpvtYaKHoW", 0), P1_LAST,
                new EventId("HeHP7cirScTasTFRN6KgmCPoZrmbLznk8AxtQHZpH7FZ", 0), P2_LAST);
    }

    // ------------------------------------------------------------------ pollOnce

    @Test
    void pollOnceHandsTheCursorFromPageToPage() {
        server.respond(EventFollowerTest::pages);
        Consumer consumer = new Consumer();
        EventFollower f = follower(client, consumer).build();

        EventFollower.PollResult r1 = f.pollOnce();
        assertThat(r1.delivered()).isEqualTo(3);
        assertThat(r1.hasNextPage()).isTrue();
        assertThat(r1.cursor()).contains(P1_LAST);

        EventFollower.PollResult r2 = f.pollOnce();
        assertThat(r2.delivered()).isEqualTo(2);
        assertThat(r2.hasNextPage()).isFalse();
        assertThat(r2.cursor()).contains(P2_LAST);

        EventFollower.PollResult r3 = f.pollOnce();
        assertThat(r3.delivered()).isZero();
        assertThat(r3.cursor()).contains(P2_LAST);

        assertThat(consumer.store.history()).containsExactly(P1_LAST, P2_LAST);
        assertThat(consumer.applied).containsExactlyElementsOf(allIds());
        assertThat(names(consumer.envelopes)).containsExactlyElementsOf(ALL_NAMES);
        assertThat(consumer.deliveries).hasSize(2); // no handler call for the empty page

        // Requests: ascending, page size 3, cursor = previous page's last event.
        List<JsonNode> reqs = server.requests();
        assertThat(reqs.get(0).get("params").toString()).endsWith(",null,3,false]");
        assertThat(EventId.fromJson("t", reqs.get(1).get("params").get(1), "c")).isEqualTo(P1_LAST);
        assertThat(EventId.fromJson("t", reqs.get(2).get("params").get(1), "c")).isEqualTo(P2_LAST);

        WalrusEventEnvelope first = consumer.envelopes.getFirst();
        assertThat(first.txDigest()).isEqualTo("DPTFT6rHjBugKYKM73ktonxppQZ2eqYfDKtwgyybdCQx");
        assertThat(first.sender()).isEqualTo(Fixtures.SENDER);
        assertThat(first.timestampMs()).hasValue(1743500000000L);
        assertThat(first.checkpoint()).isEmpty();
        assertThat(first.type()).isEqualTo(Fixtures.eventType("BlobRegistered"));
        assertThat(first.event()).isEqualTo(Fixtures.expectedEvents().get("BlobRegistered"));
    }

    @Test
    void resumesFromTheDurableCursor() {
        server.respond(EventFollowerTest::pages);
        Consumer consumer = new Consumer();
        consumer.store.save(P1_LAST); // committed by an earlier run
        EventFollower f = follower(client, consumer).build();

        assertThat(f.pollOnce().delivered()).isEqualTo(2);
        assertThat(names(consumer.envelopes)).containsExactly("EpochChangeDone", "PricesUpdated");
    }

    // ------------------------------------------------------------------ the loop

    @Test
    void loopDeliversEverythingThenIdlesAndStops() throws InterruptedException {
        server.respond(EventFollowerTest::pages);
        Consumer consumer = new Consumer();
        EventFollower f = track(follower(client, consumer).build());
        f.start();
        assertThat(f.state()).isEqualTo(EventFollower.State.RUNNING);

        await("5 events", () -> consumer.applied.size() == 5);
        int served = server.served();
        await("idle polling", () -> server.served() >= served + 2);

        assertThat(f.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(f.state()).isEqualTo(EventFollower.State.STOPPED);
        assertThat(consumer.applied).containsExactlyElementsOf(allIds());
        assertThatThrownBy(f::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void http500IsRetriedWithExponentialBackoffThenSucceeds() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        server.respond(r -> calls.incrementAndGet() <= 3 ? new Reply(500, "overloaded") : pages(r));
        Consumer consumer = new Consumer();
        List<Duration> sleeps = new CopyOnWriteArrayList<>();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        EventFollower f = track(follower(client, consumer)
                .sleeper(d -> {
                    sleeps.add(d);
                    Thread.sleep(1);
                })
                .listener(new FollowerListener() {
                    @Override
                    public void onError(Exception error, int consecutiveErrors, Duration retryIn) {
                        errors.add(error);
                    }
                })
                .build());
        f.start();

        await("5 events", () -> consumer.applied.size() == 5);
        f.stop(Duration.ofSeconds(5));

        assertThat(errors).hasSize(3).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                SuiTransportException.class, t -> assertThat(t.httpStatus()).hasValue(500)));
        assertThat(sleeps.subList(0, 3)).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20));
        assertThat(consumer.applied).containsExactlyElementsOf(allIds());
        assertThat(f.state()).isEqualTo(EventFollower.State.STOPPED);
    }

    @Test
    void connectionRefusedIsRetriedUntilTheNodeComesUp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AtomicReference<FakeSuiServer> late = new AtomicReference<>();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        Consumer consumer = new Consumer();
        try (SuiRpcClient rpc = SuiRpcClient.builder(URI.create("http://127.0.0.1:" + port + "/"))
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            EventFollower f = track(follower(rpc, consumer)
                    .listener(new FollowerListener() {
                        @Override
                        public void onError(Exception error, int consecutiveErrors, Duration retryIn) {
                            errors.add(error);
                            if (consecutiveErrors == 2) { // the node comes up during the second backoff
                                FakeSuiServer s = FakeSuiServer.start(port);
                                s.respond(EventFollowerTest::pages);
                                late.set(s);
                            }
                        }
                    })
                    .build());
            f.start();
            await("5 events", () -> consumer.applied.size() == 5);
            f.stop(Duration.ofSeconds(5));
        } finally {
            if (late.get() != null) {
                late.get().close();
            }
        }
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(
                SuiTransportException.class, t -> assertThat(t.httpStatus()).isEmpty()));
        assertThat(consumer.applied).containsExactlyElementsOf(allIds());
    }

    @Test
    void handlerFailureRedeliversTheSameBatchWithoutSkippingOrDoubling() throws InterruptedException {
        server.respond(EventFollowerTest::pages);
        Consumer consumer = new Consumer();
        consumer.failOnDelivery = n -> n == 1 || n == 2; // page 2 fails twice before commit
        List<Exception> errors = new CopyOnWriteArrayList<>();
        EventFollower f = track(follower(client, consumer)
                .listener(new FollowerListener() {
                    @Override
                    public void onError(Exception error, int consecutiveErrors, Duration retryIn) {
                        errors.add(error);
                    }
                })
                .build());
        f.start();
        await("5 events", () -> consumer.applied.size() == 5);
        f.stop(Duration.ofSeconds(5));

        List<EventId> page2 = allIds().subList(3, 5);
        assertThat(consumer.deliveries).containsExactly(allIds().subList(0, 3), page2, page2, page2);
        assertThat(consumer.applied).containsExactlyElementsOf(allIds()); // nothing skipped, nothing doubled
        assertThat(consumer.store.history()).containsExactly(P1_LAST, P2_LAST);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(EventHandlerException.class)
                .hasRootCauseMessage("database unavailable"));
        assertThat(((EventHandlerException) errors.getFirst()).batchCursor()).contains(P2_LAST);
    }

    @Test
    void aHandlerThatCommittedBeforeThrowingIsNotRedelivered() {
        server.respond(EventFollowerTest::pages);
        Consumer consumer = new Consumer();
        consumer.failAfterCommit = n -> n == 0;
        EventFollower f = follower(client, consumer).build();

        assertThatThrownBy(f::pollOnce).isInstanceOf(EventHandlerException.class);
        // The follower re-reads the store, sees page 1 committed, and goes on with page 2.
        assertThat(f.pollOnce().delivered()).isEqualTo(2);
        assertThat(consumer.applied).containsExactlyElementsOf(allIds());
    }

    @Test
    void rpcErrorsAreCappedAndTheFollowerFails() throws InterruptedException {
        server.respond(r -> Reply.ok(recorded("error-invalid-params.json")));
        Consumer consumer = new Consumer();
        List<Exception> failed = new CopyOnWriteArrayList<>();
        EventFollower f = track(follower(client, consumer)
                .maxConsecutiveErrors(3)
                .listener(new FollowerListener() {
                    @Override
                    public void onFailed(Exception error) {
                        failed.add(error);
                    }
                })
                .build());
        f.start();
        assertThat(f.awaitTermination(Duration.ofSeconds(5))).isTrue();

        assertThat(f.state()).isEqualTo(EventFollower.State.FAILED);
        assertThat(f.failure()).hasValueSatisfying(e -> assertThat(e).isInstanceOfSatisfying(SuiRpcException.class,
                x -> assertThat(x.code()).isEqualTo(-32602)));
        assertThat(failed).hasSize(1);
        assertThat(server.requests()).hasSize(3);
        assertThat(consumer.deliveries).isEmpty();
    }

    @Test
    void anUndecodableEventIsNeverSkipped() throws InterruptedException {
        server.respond(r -> Reply.ok(recorded("queryEvents-parsedjson-mismatch.json")));
        Consumer consumer = new Consumer();
        EventFollower f = track(follower(client, consumer).maxConsecutiveErrors(4).build());
        f.start();
        assertThat(f.awaitTermination(Duration.ofSeconds(5))).isTrue();

        assertThat(f.state()).isEqualTo(EventFollower.State.FAILED);
        assertThat(f.failure()).hasValueSatisfying(e -> assertThat(e).isInstanceOfSatisfying(
                WalrusDecodeException.class,
                x -> assertThat(x.reason()).isEqualTo(WalrusDecodeException.Reason.PARSED_JSON_MISMATCH)));
        assertThat(consumer.deliveries).isEmpty();
        assertThat(consumer.store.load()).isEmpty();
        // Every attempt asked for the same position.
        assertThat(server.requests()).hasSize(4).allSatisfy(r -> assertThat(r.get("params").get(1).isNull()).isTrue());
    }

    @Test
    void malformedBcsStopsThePollWithATypedErrorAndKeepsTheCursor() {
        byte[] good = Fixtures.eventBcs().get("BlobRegistered");
        String truncated = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(good, 10));
        server.respond(r -> Reply.ok(recorded("queryEvents-malformed-bcs.json", Map.of("bcs:truncated", truncated))));
        Consumer consumer = new Consumer();
        EventFollower f = follower(client, consumer).build();

        assertThatThrownBy(f::pollOnce).isInstanceOfSatisfying(WalrusDecodeException.class,
                e -> assertThat(e.reason()).isEqualTo(WalrusDecodeException.Reason.MALFORMED_BCS));
        assertThat(f.cursor()).isEmpty();
        assertThat(consumer.deliveries).isEmpty();
    }

    @Test
    void unknownEventsAreDeliveredNotDropped() {
        byte[] raw = {23, 0, 0, 0};
        server.respond(r -> Reply.ok(recorded("queryEvents-unknown-type.json",
                Map.of("bcs:unknown", Base64.getEncoder().encodeToString(raw)))));
        Consumer consumer = new Consumer();
        EventFollower f = follower(client, consumer).build();

        assertThat(f.pollOnce().delivered()).isEqualTo(2);
        assertThat(consumer.envelopes.get(0).event()).isEqualTo(new WalrusEvent.UnknownEvent("ManagedBlobCertified", raw));
        assertThat(consumer.envelopes.get(1).event()).isEqualTo(new WalrusEvent.EpochChangeStart(19));
    }

    @Test
    void anInclusiveCursorEchoIsNotDeliveredTwice() {
        // A node that (wrongly) repeats the cursor event at the head of the next page.
        server.respond(r -> {
            JsonNode cursor = r.get("params").get(1);
            if (!cursor.isNull()) {
                String page2 = recorded("queryEvents-page2.json");
                String page1 = recorded("queryEvents-page1.json");
                JsonNode p1 = io.walrusj.chain.rpc.Json.MAPPER.readTree(page1);
                var p2 = (tools.jackson.databind.node.ObjectNode) io.walrusj.chain.rpc.Json.MAPPER.readTree(page2);
                var data = (tools.jackson.databind.node.ArrayNode) p2.get("result").get("data");
                data.insert(0, p1.get("result").get("data").get(2));
                return Reply.ok(p2.toString());
            }
            return pages(r);
        });
        Consumer consumer = new Consumer();
        EventFollower f = follower(client, consumer).build();
        f.pollOnce();
        f.pollOnce();
        assertThat(consumer.applied).containsExactlyElementsOf(allIds());
    }

    @Test
    void stopBeforeStartAndIdempotentStop() {
        Consumer consumer = new Consumer();
        EventFollower f = follower(client, consumer).build();
        assertThat(f.stop(Duration.ofMillis(10))).isTrue();
        assertThat(f.state()).isEqualTo(EventFollower.State.STOPPED);
    }

    // ------------------------------------------------------------------ backoff

    @Test
    void backoffGrowsExponentiallyWithBoundedJitter() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.5);
        assertThat(b.base(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(b.base(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.base(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(b.base(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.base(500)).isEqualTo(Duration.ofSeconds(1));
        RandomGenerator random = RandomGenerator.of("L64X128MixRandom");
        for (int i = 0; i < 1000; i++) {
            Duration d = b.delay(3, random);
            assertThat(d).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        }
        assertThat(Backoff.DEFAULT.delay(1000, random)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
