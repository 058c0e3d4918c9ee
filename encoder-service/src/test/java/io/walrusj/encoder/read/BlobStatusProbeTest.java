package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.nodeclient.EventId;
import io.walrusj.nodeclient.NodeBlobStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class BlobStatusProbeTest {
    static final EventId EVENT = new EventId("digest", 0);
    static final NodeBlobStatus CERTIFIED = new NodeBlobStatus.Permanent(9, true, EVENT,
            new NodeBlobStatus.DeletableCounts(0, 0), OptionalLong.of(2));
    static final NodeBlobStatus REGISTERED = new NodeBlobStatus.Permanent(9, false, EVENT,
            new NodeBlobStatus.DeletableCounts(0, 0), OptionalLong.empty());
    static final NodeBlobStatus DELETABLE_CERTIFIED = new NodeBlobStatus.Deletable(OptionalLong.empty(),
            new NodeBlobStatus.DeletableCounts(2, 1));
    static final NodeBlobStatus NONEXISTENT = new NodeBlobStatus.Nonexistent();
    static final NodeBlobStatus INVALID = new NodeBlobStatus.Invalid(EVENT);

    BlobStatusProbe.Verdict probe(IntFunction<Object> answerOfNode) {
        BlobStatusProbe probe = new BlobStatusProbe((uri, id) -> {
            Object a = answerOfNode.apply(TestCommittee.node(uri));
            if (a instanceof IOException e) {
                throw e;
            }
            return (NodeBlobStatus) a;
        }, Duration.ofSeconds(2));
        return probe.probe(TestCommittee.owners(), BlobId.of(new byte[32]));
    }

    @Test
    void oneCertifiedAnswerIsEnough() {
        // node 0 certified; nodes 1 and 3 (5 shards, not more than 2f) lag behind; node 2 is down
        assertThat(probe(i -> i == 0 ? CERTIFIED : i == 2 ? new ConnectException("down") : NONEXISTENT))
                .isEqualTo(BlobStatusProbe.Verdict.CERTIFIED);
        assertThat(probe(i -> i == 0 ? DELETABLE_CERTIFIED : new ConnectException("down")))
                .isEqualTo(BlobStatusProbe.Verdict.CERTIFIED);
    }

    @Test
    void nobodyKnowsItIsNotFound() {
        assertThat(probe(i -> NONEXISTENT)).isEqualTo(BlobStatusProbe.Verdict.NOT_FOUND);
        // 2f shards down, the rest (4 shards > f) say nonexistent.
        assertThat(probe(i -> i < 2 ? new ConnectException("down") : NONEXISTENT)).isEqualTo(BlobStatusProbe.Verdict.NOT_FOUND);
    }

    @Test
    void knownButUncertifiedIsRegistered() {
        assertThat(probe(i -> i % 2 == 0 ? NONEXISTENT : REGISTERED)).isEqualTo(BlobStatusProbe.Verdict.REGISTERED);
    }

    @Test
    void aRegisteredBlobIsReprobedUntilCertifiedWithinTheGrace() {
        long certifiedAt = System.nanoTime() + 300_000_000L;
        AtomicInteger probes = new AtomicInteger();
        BlobStatusProbe probe = new BlobStatusProbe((uri, id) -> {
            probes.incrementAndGet();
            return System.nanoTime() > certifiedAt ? CERTIFIED : REGISTERED;
        }, Duration.ofSeconds(2));
        assertThat(probe.await(TestCommittee.owners(), BlobId.of(new byte[32]), Duration.ofSeconds(5), Duration.ofMillis(50)))
                .isEqualTo(BlobStatusProbe.Verdict.CERTIFIED);
        assertThat(probes.get()).isGreaterThan(4);

        long start = System.nanoTime();
        BlobStatusProbe never = new BlobStatusProbe((uri, id) -> REGISTERED, Duration.ofSeconds(2));
        assertThat(never.await(TestCommittee.owners(), BlobId.of(new byte[32]), Duration.ofMillis(300), Duration.ofMillis(50)))
                .isEqualTo(BlobStatusProbe.Verdict.REGISTERED);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(300L, 3_000L);
    }

    @Test
    void tooFewAnswersAreInconclusive() {
        // only node 3 (2 shards <= f) answers
        assertThat(probe(i -> i == 3 ? NONEXISTENT : new ConnectException("down"))).isEqualTo(BlobStatusProbe.Verdict.UNKNOWN);
    }

    @Test
    void invalidatedBlobsAreNotFound() {
        assertThat(probe(i -> i < 2 ? INVALID : NONEXISTENT)).isEqualTo(BlobStatusProbe.Verdict.NOT_FOUND);
        assertThat(probe(i -> i < 2 ? INVALID : new ConnectException("down"))).isEqualTo(BlobStatusProbe.Verdict.NOT_FOUND);
    }

    @Test
    void certifiedMeansSomeObjectIsCertified() {
        assertThat(BlobStatusProbe.isCertified(CERTIFIED)).isTrue();
        assertThat(BlobStatusProbe.isCertified(DELETABLE_CERTIFIED)).isTrue();
        assertThat(BlobStatusProbe.isCertified(REGISTERED)).isFalse();
        assertThat(BlobStatusProbe.isCertified(NONEXISTENT)).isFalse();
        assertThat(BlobStatusProbe.isCertified(new NodeBlobStatus.Permanent(9, false, EVENT,
                new NodeBlobStatus.DeletableCounts(1, 1), OptionalLong.of(3)))).isTrue();
    }
}
