package io.walrusj.chain.follow;

import io.walrusj.chain.testing.FakeSuiChain;

import static io.walrusj.chain.testing.Protos.foreign;
import static io.walrusj.chain.testing.Protos.tx;
import static io.walrusj.chain.testing.Protos.upgraded;
import static io.walrusj.chain.testing.Protos.walrus;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.follow.CheckpointFollowerException.Reason;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.FakeSuiChain.End;
import io.walrusj.chain.testing.Protos;
import io.walrusj.chain.testing.FakeSuiChain.Plan;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckpointFollowerTest {

    static final WalrusNetwork NETWORK =
            WalrusNetwork.MAINNET.withAdditionalEventPackages(Set.of(Protos.UPGRADE_PKG));
    static final Backoff FAST = new Backoff(Duration.ofMillis(5), Duration.ofMillis(50), 2.0, 0.0);

    FakeSuiChain chain;
    SuiGrpcClient sui;
    InMemoryCheckpointCursorStore store;
    Recorder handler;
    Errors errors;
    final List<EventId> expected = new ArrayList<>();
    final List<CheckpointFollower> followers = new ArrayList<>();

    /** Commits to the store like an atomic database handler; failures injected by predicate. */
    static final class Recorder implements CheckpointBatchHandler {
        final InMemoryCheckpointCursorStore store;
        final List<CheckpointBatch> attempts = new CopyOnWriteArrayList<>();
        final List<CheckpointBatch> committed = new CopyOnWriteArrayList<>();
        volatile Predicate<CheckpointBatch> failBeforeCommit = b -> false;
        volatile Predicate<CheckpointBatch> failAfterCommit = b -> false;

        Recorder(InMemoryCheckpointCursorStore store) {
            this.store = store;
        }

        @Override
        public void handle(CheckpointBatch batch) {
            attempts.add(batch);
            if (failBeforeCommit.test(batch)) {
                throw new IllegalStateException("database down");
            }
            store.save(batch.newCursor());
            committed.add(batch);
            if (failAfterCommit.test(batch)) {
                throw new IllegalStateException("commit acknowledged, then the connection broke");
            }
        }

        List<EventId> ids() {
            return committed.stream().flatMap(b -> b.events().stream()).map(WalrusEventEnvelope::id).toList();
        }
    }

    static final class Errors implements FollowerListener {
        final List<Exception> seen = new CopyOnWriteArrayList<>();
        final List<Integer> counts = new CopyOnWriteArrayList<>();
        final List<Duration> delays = new CopyOnWriteArrayList<>();

        @Override
        public void onError(Exception error, int consecutiveErrors, Duration retryIn) {
            seen.add(error);
            counts.add(consecutiveErrors);
            delays.add(retryIn);
        }

        @Override
        public void onFailed(Exception error) {
            seen.add(error);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        chain = new FakeSuiChain();
        sui = chain.client();
        store = new InMemoryCheckpointCursorStore();
        handler = new Recorder(store);
        errors = new Errors();
    }

    @AfterEach
    void tearDown() {
        for (CheckpointFollower f : followers) {
            assertThat(f.stop(Duration.ofSeconds(10))).as("follower thread ended").isTrue();
        }
        sui.close();
        chain.close();
    }

    CheckpointFollowerBuilder builder() {
        return CheckpointFollower.builder(sui, NETWORK, store, handler).backoff(FAST)
                .stallTimeout(Duration.ofSeconds(5)).listener(errors);
    }

    CheckpointFollower start(CheckpointFollowerBuilder b) {
        CheckpointFollower f = b.build();
        followers.add(f);
        f.start();
        return f;
    }

    /** Appends a checkpoint with one transaction; its Walrus events (not the foreign ones) are expected. */
    long add(String digest, Event... events) {
        for (int i = 0; i < events.length; i++) {
            if (!events[i].getEventType().startsWith(Protos.FOREIGN_PKG.toString())) {
                expected.add(new EventId(digest, i));
            }
        }
        return chain.append(tx(digest, events));
    }

    void awaitCursor(long checkpoint) throws InterruptedException {
        await("cursor at the end of checkpoint " + checkpoint + " (store: " + store.load() + ")",
                () -> store.load().filter(c -> c.equals(CheckpointCursor.endOf(checkpoint))).isPresent());
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    static Predicate<CheckpointBatch> firstTimes(int n, Predicate<CheckpointBatch> which) {
        AtomicInteger left = new AtomicInteger(n);
        return b -> which.test(b) && left.getAndDecrement() > 0;
    }

    // ------------------------------------------------------------------ delivery

    @Test
    void deliversInOrderExactlyOnceAcrossStreamsThatEndMidway() throws Exception {
        chain.plans(i -> switch (i) {
            case 0 -> new Plan(0, 3, End.COMPLETE);
            case 1 -> new Plan(0, 2, End.FAIL);
            default -> Plan.LIVE;
        });
        CheckpointFollower f = start(builder());
        await("subscribed", () -> chain.subscriptions() == 1);
        long last = 0;
        for (int i = 1; i <= 12; i++) {
            last = i % 3 == 0 ? add("T" + i, walrus("BlobRegistered"), walrus("BlobCertified"))
                    : add("T" + i, walrus("BlobCertified"));
            if (i % 2 == 0) {
                awaitCursor(last); // some one by one through the streams, some in pairs
            }
        }
        awaitCursor(last);

        assertThat(handler.ids()).containsExactlyElementsOf(expected);
        assertThat(chain.subscriptions()).isGreaterThanOrEqualTo(3);
        assertThat(errors.seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CheckpointFollowerException.class,
                x -> assertThat(x.reason()).isEqualTo(Reason.STREAM_ENDED)));
        List<CheckpointCursor> cursors = store.history();
        assertThat(cursors).isSortedAccordingTo(CheckpointCursor::compareTo).doesNotHaveDuplicates();
        assertThat(f.state()).isEqualTo(CheckpointFollower.State.RUNNING);
    }

    @Test
    void backfillsByNumberWhenTheStreamStartsAheadOfTheCursor() throws Exception {
        for (int i = 1; i <= 5; i++) {
            add("T" + i, walrus("BlobCertified"));
        }
        store.save(CheckpointCursor.endOf(2));
        expected.subList(0, 2).clear();
        chain.plans(i -> i == 0 ? new Plan(3, Integer.MAX_VALUE, End.COMPLETE) : Plan.LIVE);
        start(builder().backfillConcurrency(3));
        await("subscribed", () -> chain.subscriptions() == 1);
        for (int i = 6; i <= 10; i++) {
            add("T" + i, walrus("BlobDeleted"));
        }
        awaitCursor(10);

        assertThat(handler.ids()).containsExactlyElementsOf(expected);
        // 3..5 before the stream, 6 and 7 skipped by the stream (it started at 8)
        assertThat(chain.fetched()).contains(3L, 4L, 5L, 6L, 7L).doesNotContain(1L, 2L, 8L, 9L, 10L);
        assertThat(chain.subscriptions()).isEqualTo(1);
        assertThat(handler.committed.getFirst().events().getFirst().checkpoint()).hasValue(3);
    }

    @Test
    void handlerFailureRedeliversFromTheStoredCursorWithoutDoubling() throws Exception {
        for (int i = 1; i <= 4; i++) {
            add("T" + i, walrus("BlobRegistered"));
        }
        handler.failBeforeCommit = firstTimes(2, b -> b.newCursor().checkpoint() >= 3);
        start(builder().maxBatchCheckpoints(2));
        awaitCursor(4);
        long last = add("T5", walrus("BlobCertified"));
        awaitCursor(last);

        assertThat(handler.ids()).containsExactlyElementsOf(expected);
        List<CheckpointBatch> failed = handler.attempts.stream()
                .filter(b -> handler.committed.stream().noneMatch(c -> c == b)).toList();
        assertThat(failed).hasSize(2);
        CheckpointBatch retried = handler.committed.stream().filter(b -> b.newCursor().equals(failed.getFirst().newCursor()))
                .findFirst().orElseThrow();
        assertThat(retried.events()).isEqualTo(failed.getFirst().events());
        assertThat(errors.seen).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(EventHandlerException.class));
    }

    @Test
    void aHandlerThatCommittedThenThrewIsNotRedelivered() throws Exception {
        add("T1", walrus("BlobRegistered"));
        add("T2", walrus("BlobCertified"));
        handler.failAfterCommit = firstTimes(1, b -> !b.isEmpty());
        start(builder());
        long last = add("T3", walrus("BlobDeleted"));
        awaitCursor(last);

        List<EventId> attempted = handler.attempts.stream().flatMap(b -> b.events().stream())
                .map(WalrusEventEnvelope::id).toList();
        assertThat(attempted).containsExactlyElementsOf(expected);
        await("the error reported", () -> errors.seen.size() == 1);
        assertThat(handler.committed).hasSameSizeAs(handler.attempts);
    }

    @Test
    void foreignEventsAreSkippedAndEventsOfAnUpgradedPackageDelivered() throws Exception {
        long cp = add("Mixed", foreign("BlobCertified"), walrus("BlobRegistered"), upgraded("PricesUpdated"));
        start(builder());
        awaitCursor(cp);

        List<WalrusEventEnvelope> got = handler.committed.stream().flatMap(b -> b.events().stream()).toList();
        assertThat(got).extracting(e -> e.event().name()).containsExactly("BlobRegistered", "PricesUpdated");
        WalrusEventEnvelope upgradedEvent = got.get(1);
        assertThat(upgradedEvent.event()).isInstanceOf(WalrusEvent.PricesUpdated.class);
        assertThat(upgradedEvent.type()).startsWith(Protos.UPGRADE_PKG.toString());
        assertThat(upgradedEvent.id()).isEqualTo(new EventId("Mixed", 2));
        assertThat(upgradedEvent.txDigest()).isEqualTo("Mixed");
        assertThat(upgradedEvent.checkpoint()).hasValue(cp);
        assertThat(upgradedEvent.position()).hasValue(2);
        assertThat(upgradedEvent.cursor()).contains(CheckpointCursor.at(cp, 2));
        assertThat(upgradedEvent.timestampMs()).hasValue(handler.committed.getLast().checkpointTimestamp().toEpochMilli());
    }

    @Test
    void checkpointsWithoutWalrusEventsAdvanceTheCursorSoARestartDoesNotRescanThem() throws Exception {
        CheckpointFollower first = start(builder());
        awaitCursor(add("T1", walrus("BlobRegistered")));
        chain.appendEmpty(4);
        long last = add("OnlyForeign", foreign("BlobCertified"));
        awaitCursor(last);
        assertThat(handler.committed.getLast().isEmpty()).isTrue();
        assertThat(first.stop(Duration.ofSeconds(10))).isTrue();

        int fetchedBefore = chain.fetched().size();
        long next = add("T7", walrus("BlobCertified"));
        start(builder());
        awaitCursor(next);
        assertThat(chain.fetched().subList(fetchedBefore, chain.fetched().size()))
                .allSatisfy(s -> assertThat(s).isGreaterThan(last));
        assertThat(handler.ids()).containsExactlyElementsOf(expected);
    }

    @Test
    void aCheckpointLargerThanABatchIsSplitAndResumesInsideIt() throws Exception {
        long cp = add("Big", walrus("BlobRegistered"), walrus("BlobCertified"), foreign("BlobDeleted"),
                walrus("BlobDeleted"), walrus("InvalidBlobID"), walrus("EpochChangeStart"));
        handler.failBeforeCommit = firstTimes(1, b -> b.newCursor().equals(CheckpointCursor.at(cp, 4)));
        start(builder().maxBatchEvents(2));
        awaitCursor(cp);

        assertThat(handler.ids()).containsExactlyElementsOf(expected);
        assertThat(store.history()).containsExactly(CheckpointCursor.at(cp, 1), CheckpointCursor.at(cp, 4),
                CheckpointCursor.endOf(cp));
        assertThat(handler.committed.get(1).events()).extracting(e -> e.position().getAsInt()).containsExactly(3, 4);
    }

    @Test
    void anUndecodableWalrusEventIsNeverSkipped() throws Exception {
        long good = add("Good", walrus("BlobRegistered"));
        chain.append(tx("Bad", walrus("BlobCertified").toBuilder().setContents(
                io.walrusj.chain.grpc.proto.Bcs.newBuilder().setValue(com.google.protobuf.ByteString.copyFrom(new byte[3])))
                .build()));
        CheckpointFollower f = start(builder().maxConsecutiveErrors(3));
        assertThat(f.awaitTermination(Duration.ofSeconds(10))).isTrue();

        assertThat(f.state()).isEqualTo(CheckpointFollower.State.FAILED);
        assertThat(f.failure()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(WalrusDecodeException.class));
        assertThat(store.load()).contains(CheckpointCursor.endOf(good));
    }

    // ------------------------------------------------------------------ start, stall, stop

    @Test
    void startFromLatestSkipsTheHistoryAndAnInMemoryCursorSurvivesReconnects() throws Exception {
        add("Old", walrus("BlobRegistered"));
        long head = add("Head", walrus("BlobCertified"));
        chain.plans(i -> new Plan(0, 2, End.FAIL)); // every stream breaks after two frames
        List<EventId> seen = new CopyOnWriteArrayList<>();
        InMemoryCheckpointCursorStore memory = new InMemoryCheckpointCursorStore();
        start(CheckpointFollower.builder(sui, NETWORK, memory,
                memory.savingAfter(b -> b.events().forEach(e -> seen.add(e.id()))))
                .backoff(FAST).startFromLatest());
        await("subscribed", () -> chain.subscriptions() == 1);
        long next = 0;
        for (int i = 0; i < 5; i++) {
            next = add("New" + i, walrus("BlobDeleted"));
        }
        long last = next;
        await("all new events", () -> memory.load().filter(c -> c.equals(CheckpointCursor.endOf(last))).isPresent());

        assertThat(seen).containsExactly(new EventId("Head", 0), new EventId("New0", 0), new EventId("New1", 0),
                new EventId("New2", 0), new EventId("New3", 0), new EventId("New4", 0));
        assertThat(chain.fetched()).doesNotContain(head - 1);
    }

    @Test
    void aCursorBeforeTheServersLowestCheckpointIsReportedNotSkipped() throws Exception {
        chain.lowestAvailable(3);
        chain.appendEmpty(5);
        CheckpointFollower f = start(builder().maxConsecutiveErrors(2));
        assertThat(f.awaitTermination(Duration.ofSeconds(10))).isTrue();
        assertThat(f.failure()).hasValueSatisfying(e -> assertThat(e).isInstanceOfSatisfying(
                CheckpointFollowerException.class, x -> {
                    assertThat(x.reason()).isEqualTo(Reason.CHECKPOINT_UNAVAILABLE);
                    assertThat(x.getMessage()).contains("needs checkpoint 0").contains("from 3 on");
                }));
        assertThat(handler.attempts).isEmpty();
    }

    @Test
    void aStalledStreamIsReconnected() throws Exception {
        chain.plans(i -> i == 0 ? new Plan(0, 2, End.SILENT) : Plan.LIVE);
        start(builder().stallTimeout(Duration.ofMillis(300)));
        await("subscribed", () -> chain.subscriptions() == 1);
        long last = 0;
        for (int i = 1; i <= 4; i++) {
            last = add("T" + i, walrus("BlobCertified"));
        }
        awaitCursor(last);

        assertThat(handler.ids()).containsExactlyElementsOf(expected);
        assertThat(chain.subscriptions()).isGreaterThanOrEqualTo(2);
        assertThat(errors.seen).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CheckpointFollowerException.class,
                x -> assertThat(x.reason()).isEqualTo(Reason.STREAM_STALLED)));
        await("stalled stream cancelled", () -> chain.cancelled() >= 1);
    }

    @Test
    void aServerThatKeepsFailingTheStreamIsRetriedWithGrowingBackoffUntilTheCap() throws Exception {
        chain.plans(i -> new Plan(0, 1, End.FAIL)); // the (already handled) head, then UNAVAILABLE
        CheckpointFollower f = start(builder().maxConsecutiveErrors(5));
        assertThat(f.awaitTermination(Duration.ofSeconds(10))).isTrue();

        assertThat(f.state()).isEqualTo(CheckpointFollower.State.FAILED);
        assertThat(errors.counts).containsExactly(1, 2, 3, 4);
        assertThat(errors.delays).containsExactly(FAST.base(1), FAST.base(2), FAST.base(3), FAST.base(4));
        assertThat(chain.subscriptions()).isEqualTo(5);
        assertThat(store.load()).contains(CheckpointCursor.endOf(0)).as("the first session committed checkpoint 0");
    }

    @Test
    void aQuietChainIsNotAStall() throws Exception {
        CheckpointFollower f = start(builder().stallTimeout(Duration.ofMillis(100)));
        awaitCursor(0);
        await("several quiet windows", () -> f.latestKnownCheckpoint().isPresent() && chain.subscriptions() == 1
                && chain.serviceInfoCalls() >= 5);
        assertThat(errors.seen).isEmpty();
        assertThat(chain.subscriptions()).isEqualTo(1);
    }

    @Test
    void stopEndsTheThreadAndCancelsTheStream() throws Exception {
        CheckpointFollower f = start(builder().stallTimeout(Duration.ofSeconds(30)));
        awaitCursor(0);
        long t0 = System.nanoTime();
        assertThat(f.stop(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(f.state()).isEqualTo(CheckpointFollower.State.STOPPED);
        assertThat(f.awaitTermination(Duration.ZERO)).isTrue();
        await("stream cancelled", () -> chain.cancelled() == 1);
    }

    @Test
    void stopDuringABackfillCancelsTheReadsInFlight() throws Exception {
        chain.appendEmpty(20);
        chain.blockReadsFrom(5);
        CheckpointFollower f = start(builder().backfillConcurrency(4));
        await("reads 5..8 in flight", () -> chain.fetched().containsAll(List.of(5L, 6L, 7L, 8L)));
        assertThat(chain.fetched()).doesNotContain(9L);
        assertThat(f.stop(Duration.ofSeconds(5))).isTrue();
        await("the blocked reads cancelled", () -> chain.cancelledReads() == 4);
        assertThat(f.state()).isEqualTo(CheckpointFollower.State.STOPPED);
        assertThat(handler.attempts).isEmpty();
    }

    @Test
    void stopWaitsForARunningHandlerToFinish() throws Exception {
        add("T1", walrus("BlobRegistered"));
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CheckpointFollower f = start(CheckpointFollower.builder(sui, NETWORK, store, b -> {
            inHandler.countDown();
            release.await();
            handler.handle(b);
        }).backoff(FAST));
        assertThat(inHandler.await(10, TimeUnit.SECONDS)).isTrue();
        Thread stopper = Thread.ofVirtual().start(() -> f.stop(Duration.ofSeconds(10)));
        assertThat(stopper.join(Duration.ofMillis(200))).as("stop waits for the handler").isFalse();
        release.countDown();
        assertThat(stopper.join(Duration.ofSeconds(10))).isTrue();
        assertThat(f.state()).isEqualTo(CheckpointFollower.State.STOPPED);
        assertThat(handler.ids()).containsExactly(new EventId("T1", 0));
    }

    // ------------------------------------------------------------------ lag

    @Test
    void lagGettersReportCheckpointsAndSecondsBehind() throws Exception {
        for (int i = 1; i <= 10; i++) {
            add("T" + i, walrus("BlobCertified"));
        }
        store.save(CheckpointCursor.endOf(2));
        CountDownLatch release = new CountDownLatch(1);
        Instant now = Instant.ofEpochMilli(1_765_000_000_123L + 10 + 7_500);
        CheckpointFollower f = CheckpointFollower.builder(sui, NETWORK, store, b -> {
            release.await();
            handler.handle(b);
        }).backoff(FAST).clock(InstantSource.fixed(now)).build();
        followers.add(f);
        assertThat(f.checkpointLag()).as("before the first session").isEmpty();
        f.start();
        await("head known", () -> f.checkpointLag().isPresent());
        assertThat(f.checkpointLag()).hasValue(8);
        assertThat(f.latestKnownCheckpoint()).hasValue(10);
        assertThat(f.secondsLag()).as("nothing delivered yet").isEmpty();
        release.countDown();
        awaitCursor(10);
        await("caught up", () -> f.checkpointLag().orElse(-1) == 0);
        assertThat(f.secondsLag()).hasValue(7.5);
        assertThat(f.cursor()).contains(CheckpointCursor.endOf(10));
    }
}
