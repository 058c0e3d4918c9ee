package io.walrusj.indexer.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.rpc.EventId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobStatusCalculatorTest {

    private static EventId ev(int n) {
        return new EventId("tx" + n, 0);
    }

    private static ObjectFacts permanent(Long certified, long end, int event) {
        return new ObjectFacts(false, false, certified, end, ev(event), event);
    }

    private static ObjectFacts deletable(Long certified, long end, int event) {
        return new ObjectFacts(true, false, certified, end, ev(event), event);
    }

    @Test
    void noObjectsIsNonexistent() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(), null, 3);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.NONEXISTENT);
        assertThat(s.toWalrusJson()).isEqualTo("nonexistent");
    }

    @Test
    void certifiedPermanentWinsOverLongerUncertified() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(permanent(null, 20, 1), permanent(2L, 10, 2)), null, 3);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.PERMANENT);
        assertThat(s.certified()).isTrue();
        assertThat(s.endEpoch()).isEqualTo(10);
        assertThat(s.statusEvent()).isEqualTo(ev(2));
        assertThat(s.initialCertifiedEpoch()).isEqualTo(2);
    }

    @Test
    void uncertifiedPermanentWhenNothingCertifiedIsLive() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(permanent(null, 20, 1), permanent(2L, 3, 2)), null, 3);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.PERMANENT);
        assertThat(s.certified()).isFalse();
        assertThat(s.endEpoch()).isEqualTo(20);
        assertThat(s.statusEvent()).isEqualTo(ev(1));
        assertThat(s.initialCertifiedEpoch()).isNull();
    }

    @Test
    void sameEndEpochKeepsTheEarliestEvent() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(permanent(1L, 9, 7), permanent(1L, 9, 4)), null, 3);
        assertThat(s.statusEvent()).isEqualTo(ev(4));
    }

    @Test
    void deletableCountsExcludeExpiredAndDeleted() {
        List<ObjectFacts> objects = List.of(deletable(1L, 10, 1), deletable(null, 10, 2), deletable(1L, 3, 3),
                new ObjectFacts(true, true, 1L, 10, ev(4), 4));
        BlobStatus s = BlobStatusCalculator.compute(objects, null, 3);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.DELETABLE);
        assertThat(s.countDeletableTotal()).isEqualTo(2);
        assertThat(s.countDeletableCertified()).isEqualTo(1);
        assertThat(s.objectCount()).isEqualTo(4);
        assertThat(s.toWalrusJson()).isEqualTo(Map.of("deletable", Map.of("initialCertifiedEpoch", 1L,
                "deletableCounts", Map.of("count_deletable_total", 2, "count_deletable_certified", 1))));
    }

    @Test
    void permanentReportsDeletableCountsToo() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(permanent(5L, 10, 1), deletable(4L, 10, 2)), null, 5);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.PERMANENT);
        assertThat(s.countDeletableTotal()).isEqualTo(1);
        assertThat(s.initialCertifiedEpoch()).isEqualTo(4);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) ((Map<String, Object>) s.toWalrusJson()).get("permanent");
        assertThat(body).containsOnlyKeys("endEpoch", "isCertified", "statusEvent", "deletableCounts",
                "initialCertifiedEpoch");
        assertThat(body.get("statusEvent")).isEqualTo(Map.of("txDigest", "tx1", "eventSeq", "0"));
    }

    @Test
    void everythingExpiredIsNonexistent() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(permanent(1L, 5, 1), deletable(1L, 4, 2)), null, 5);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.NONEXISTENT);
    }

    @Test
    void invalidIsFinal() {
        BlobStatus s = BlobStatusCalculator.compute(List.of(permanent(1L, 50, 1)), ev(9), 5);
        assertThat(s.kind()).isEqualTo(BlobStatus.Kind.INVALID);
        assertThat(s.toWalrusJson()).isEqualTo(Map.of("invalid", Map.of("event",
                Map.of("txDigest", "tx9", "eventSeq", "0"))));
    }
}
