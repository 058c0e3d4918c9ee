package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.nodeclient.EventId;
import io.walrusj.nodeclient.NodeBlobStatus;
import io.walrusj.nodeclient.NodeBlobStatus.DeletableCounts;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** f = 3 (n = 10): a status needs more than 3 shards behind it; the largest such status wins. */
class BlobStatusVoteTest {
    static final DeletableCounts NONE = new DeletableCounts(0, 0);
    static final NodeBlobStatus NONEXISTENT = new NodeBlobStatus.Nonexistent();

    static NodeBlobStatus.Permanent permanent(long end, boolean certified) {
        return new NodeBlobStatus.Permanent(end, certified, new EventId("digest" + end, 0), NONE, OptionalLong.of(3));
    }

    @Test
    void theLargestStatusWithMoreThanFShardsWins() {
        var certified = permanent(10, true);
        var registered = permanent(10, false);
        assertThat(BlobStatusVote.decide(Map.of(certified, 4, registered, 6), 3)).contains(certified);
        assertThat(BlobStatusVote.decide(Map.of(certified, 3, registered, 7), 3)).contains(registered);
        assertThat(BlobStatusVote.decide(Map.of(permanent(12, true), 4, permanent(10, true), 6), 3))
                .contains(permanent(12, true));
        assertThat(BlobStatusVote.decide(Map.of(NONEXISTENT, 3, registered, 3), 3)).isEmpty();
    }

    @Test
    void orderIsNonexistentDeletablePermanentInvalid() {
        var deletable = new NodeBlobStatus.Deletable(OptionalLong.empty(), new DeletableCounts(1, 1));
        var invalid = new NodeBlobStatus.Invalid(new EventId("x", 1));
        assertThat(BlobStatusVote.ORDER.compare(NONEXISTENT, deletable)).isNegative();
        assertThat(BlobStatusVote.ORDER.compare(deletable, permanent(1, false))).isNegative();
        assertThat(BlobStatusVote.ORDER.compare(permanent(99, true), invalid)).isNegative();
        assertThat(BlobStatusVote.ORDER.compare(new NodeBlobStatus.Deletable(OptionalLong.empty(), new DeletableCounts(5, 0)),
                deletable)).isNegative(); // certified count first
        assertThat(BlobStatusVote.ORDER.compare(new NodeBlobStatus.Deletable(OptionalLong.of(2), NONE),
                new NodeBlobStatus.Deletable(OptionalLong.of(5), NONE))).isPositive(); // earlier certification is larger
        assertThat(BlobStatusVote.ORDER.compare(permanent(5, true), permanent(50, false))).isPositive(); // certified first
    }
}
