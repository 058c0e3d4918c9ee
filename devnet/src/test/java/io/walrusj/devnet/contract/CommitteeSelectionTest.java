package io.walrusj.devnet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** D'Hondt apportionment, shard assignment and the vote quantile rules, on hand-computed examples. */
class CommitteeSelectionTest {

    private static int[] dhondt(int nShards, long... stakes) {
        List<Long> priorities = new ArrayList<>();
        List<Long> stakeList = new ArrayList<>();
        for (int i = 0; i < stakes.length; i++) {
            priorities.add((long) (stakes.length - i));
            stakeList.add(stakes[i]);
        }
        return Apportionment.dhondt(priorities, nShards, stakeList);
    }

    @Test
    void dhondtByHand() {
        // total 100, n = 10: distribution number 100/11 + 1 = 10 -> 5, 3, 1, 0 (node 0 at the cap of
        // ceil(2 * 10 / 4) = 5); the last shard goes to the tie 30/4 = 15/2, won by the earlier node
        assertThat(dhondt(10, 50, 30, 15, 5)).containsExactly(5, 4, 1, 0);
        // equal stakes: 2 each from the lower bound, the 2 left to the first two in the active set
        assertThat(dhondt(10, 7, 7, 7, 7)).containsExactly(3, 3, 2, 2);
        assertThat(Apportionment.maxShardsPerNode(4, 10)).isEqualTo(5);
        assertThat(Apportionment.maxShardsPerNode(20, 1000)).isEqualTo(100);
        assertThat(Apportionment.maxShardsPerNode(3, 1000)).isEqualTo(667);
    }

    @Test
    void dhondtMatchesTheMoveTestVectors() {
        assertThat(dhondt(4, 25000, 25000, 25000, 25000)).containsExactly(1, 1, 1, 1);
        assertThat(dhondt(778, 25000, 25000, 25000, 25000)).containsExactly(195, 195, 194, 194);
        assertThat(dhondt(777, 50000, 30000, 15000, 5000)).containsExactly(389, 234, 116, 38);
        assertThat(dhondt(1000, 50000, 30000, 15000, 5000)).containsExactly(500, 300, 150, 50);
        assertThat(dhondt(4, 50000, 50000, 30000, 15000, 15000, 5000)).containsExactly(2, 1, 1, 0, 0, 0);
        assertThat(dhondt(777, 50000, 50000, 30000, 15000, 15000, 5000)).containsExactly(236, 236, 142, 70, 70, 23);
        assertThat(dhondt(7, 200, 200, 200, 100)).containsExactly(2, 2, 2, 1);
        assertThat(dhondt(9, 200, 200, 200, 100, 100, 100)).containsExactly(2, 2, 2, 1, 1, 1);
        assertThat(dhondt(18, 780_000, 650_000, 520_000, 390_000, 260_000)).containsExactly(6, 5, 4, 2, 1);
        assertThat(dhondt(5, 1, 0, 0)).containsExactly(4, 1, 0);
        assertThat(dhondt(3, 1_000_000, 999_999)).containsExactly(2, 1);
        assertThat(dhondt(500, 1_000_000_000_000L, 900_000_000_000L, 100_000_000_000L)).containsExactly(250, 225, 25);
        assertThat(dhondt(1000, 600, 100, 200, 100)).containsExactly(500, 125, 250, 125);
        long[] with21 = IntStream.range(0, 21).mapToLong(i -> i == 5 ? 200 : 20).toArray();
        assertThat(dhondt(1000, with21)).containsExactly(IntStream.range(0, 21).map(i -> i == 5 ? 100 : 45).toArray());
        assertThatThrownBy(() -> dhondt(0, 0, 0, 0)).isInstanceOf(ContractException.class)
                .extracting(e -> ((ContractException) e).reason()).isEqualTo(AbortReason.ENoStake);
    }

    private static SuiAddress n(int i) {
        return TestChain.address(i);
    }

    private static Apportionment.Assignment a(int node, int shards) {
        return new Apportionment.Assignment(n(node), shards);
    }

    @Test
    void firstCommitteeIsSequentialByNodeId() {
        ShardCommittee c = CommitteeTransition.initialize(List.of(a(3, 2), a(1, 3), a(2, 1)));
        assertThat(c.entries()).containsExactly(new ShardCommittee.NodeShards(n(1), List.of(0, 1, 2)),
                new ShardCommittee.NodeShards(n(2), List.of(3)), new ShardCommittee.NodeShards(n(3), List.of(4, 5)));
    }

    @Test
    void transitionMovesAsFewShardsAsPossible() {
        ShardCommittee c1 = CommitteeTransition.initialize(List.of(a(1, 2), a(2, 2), a(3, 2), a(4, 2), a(5, 2)));
        // nodes 4 and 5 leave and free [6, 7, 8, 9]; nodes 1-3 grow and take them from the back
        ShardCommittee c2 = CommitteeTransition.transition(c1, List.of(a(1, 4), a(2, 3), a(3, 3)));
        assertThat(c2.entries()).containsExactly(new ShardCommittee.NodeShards(n(1), List.of(0, 1, 9, 8)),
                new ShardCommittee.NodeShards(n(2), List.of(2, 3, 7)),
                new ShardCommittee.NodeShards(n(3), List.of(4, 5, 6)));
        // node 1 leaves and frees [0, 1, 9, 8]; nodes 2 and 3 keep theirs; 4 and 5 come back
        ShardCommittee c3 = CommitteeTransition.transition(c2, List.of(a(2, 3), a(3, 3), a(4, 2), a(5, 2)));
        assertThat(c3.entries()).containsExactly(new ShardCommittee.NodeShards(n(2), List.of(2, 3, 7)),
                new ShardCommittee.NodeShards(n(3), List.of(4, 5, 6)),
                new ShardCommittee.NodeShards(n(4), List.of(8, 9)), new ShardCommittee.NodeShards(n(5), List.of(1, 0)));
        // shrinking nodes give up their last shards
        ShardCommittee c4 = CommitteeTransition.transition(c3, List.of(a(2, 1), a(3, 3), a(4, 2), a(5, 4)));
        assertThat(c4.entries()).containsExactly(new ShardCommittee.NodeShards(n(2), List.of(2)),
                new ShardCommittee.NodeShards(n(3), List.of(4, 5, 6)),
                new ShardCommittee.NodeShards(n(4), List.of(8, 9)),
                new ShardCommittee.NodeShards(n(5), List.of(1, 0, 3, 7)));
        assertThatThrownBy(() -> CommitteeTransition.transition(c4, List.of(a(2, 3))))
                .extracting(e -> ((ContractException) e).reason()).isEqualTo(AbortReason.EInvalidShardAssignment);
    }

    private static List<QuorumVotes.Vote> votes(long[] values, long[] weights) {
        List<QuorumVotes.Vote> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new QuorumVotes.Vote(values[i], weights[i]));
        }
        return out;
    }

    @Test
    void priceIsTheWeightedTwoThirdsQuantileFromBelow() {
        long[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // n = 50, quorum 3w >= 101: dropping 10 (9), 9 (1), 8 (6) leaves 34; dropping 7 (4) leaves 30
        assertThat(QuorumVotes.quorumBelow(votes(values, new long[] {5, 5, 4, 6, 3, 7, 4, 6, 1, 9}), 50)).isEqualTo(7);
        assertThat(QuorumVotes.quorumBelow(votes(values, new long[] {5, 5, 4, 6, 3, 7, 1, 1, 1, 17}), 50)).isEqualTo(10);
        assertThat(QuorumVotes.quorumBelow(votes(new long[] {1}, new long[] {50}), 50)).isEqualTo(1);
        // 10 shards: 300 (1), 200 (4), 100 (5): without 300 9 >= 7 remain, without 200 only 5
        assertThat(QuorumVotes.quorumBelow(votes(new long[] {100, 200, 300}, new long[] {5, 4, 1}), 10)).isEqualTo(200);
        // unsigned: u64::MAX votes are the highest
        assertThat(QuorumVotes.quorumBelow(votes(new long[] {-1L, 5}, new long[] {4, 6}), 10)).isEqualTo(-1L);
    }

    @Test
    void capacityIsTheWeightedQuantileFromAbove() {
        long[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // adding 10 (9), 9 (1), 8 (8), 7 (2), 6 (7), 5 (3) gives 30; 4 (6) makes 36 >= 34
        assertThat(QuorumVotes.quorumAbove(votes(values, new long[] {5, 5, 4, 6, 3, 7, 2, 8, 1, 9}), 50)).isEqualTo(4);
        assertThat(QuorumVotes.quorumAbove(votes(values, new long[] {17, 1, 1, 1, 3, 7, 2, 8, 1, 9}), 50)).isEqualTo(1);
        assertThat(QuorumVotes.quorumAbove(votes(new long[] {1}, new long[] {50}), 50)).isEqualTo(1);
    }
}
