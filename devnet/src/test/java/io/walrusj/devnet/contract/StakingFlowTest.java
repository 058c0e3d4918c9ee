package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ADMIN;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static io.walrusj.devnet.contract.TestChain.EPOCH_MS;
import static io.walrusj.devnet.contract.TestChain.KEYS;
import static io.walrusj.devnet.contract.TestChain.OPERATORS;
import static io.walrusj.devnet.contract.TestChain.START_MS;
import static io.walrusj.devnet.contract.TestChain.eventNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.ProofOfPossessionMessage;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * From epoch 0 without a committee: candidates register (with proofs of possession) and stake,
 * voting_end / initiate_epoch_change / epoch_sync_done run with their clock and state checks, prices
 * and capacity follow the votes, and the second committee moves as few shards as possible.
 */
class StakingFlowTest {
    private static final long WAL = 1_000_000_000L;
    private static final long[] STORAGE_VOTES = {100, 200, 300, 400};
    private static final long[] WRITE_VOTES = {10, 20, 30, 40};
    private static final long[] CAPACITY_VOTES = {1000, 1200, 100, 5000};
    private static final long[] STAKES = {50 * WAL, 30 * WAL, 15 * WAL, 5 * WAL};

    private Call.RegisterCandidate candidate(int i, long popEpoch, SuiAddress popSender) {
        byte[] pop = ProofOfPossessionMessage.prove(KEYS.get(i), popEpoch, popSender).toBytes();
        byte[] networkKey = new byte[33];
        networkKey[0] = 0x03;
        return new Call.RegisterCandidate("node-" + i, "10.0.0." + i + ":9185", KEYS.get(i).publicKey(), pop,
                networkKey, 0, STORAGE_VOTES[i], WRITE_VOTES[i], CAPACITY_VOTES[i]);
    }

    @Test
    void fromEpochZeroToATransitionedCommittee() {
        TestChain c = new TestChain(WalrusSystem.genesis(TestChain.genesis(false, true)));
        WalrusSystem s = c.system;
        assertThat(s.currentEpoch()).isZero();
        assertThat(s.committee().members()).isEmpty();
        assertThat(s.epochState()).isEqualTo(new EpochState.EpochChangeDone(START_MS));
        c.rejected(ADMIN, new Call.AdvanceEpoch(), AbortReason.ENoStake);
        c.rejected(BOB, new Call.InitiateEpochChange(), AbortReason.ENextCommitteeIsEmpty);

        List<SuiAddress> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SuiAddress op = OPERATORS.get(i);
            c.exec(op, new Call.Faucet(op, 1000 * WAL));
            c.rejected(op, candidate(i, 1, op), AbortReason.EInvalidProofOfPossession);
            c.rejected(op, candidate(i, 0, BOB), AbortReason.EInvalidProofOfPossession);
            Receipt r = c.exec(op, candidate(i, 0, op));
            SuiAddress node = TestChain.createdId(r, "::staking_pool::StakingPool");
            nodes.add(node);
            LedgerObject cap = TestChain.changed(r, ObjectChange.Created.class, "::StorageNodeCap").getFirst();
            assertThat(cap.owner()).isEqualTo(new Owner.AddressOwner(op));
            assertThat(cap.json()).containsEntry("node_id", node.toString());
        }
        c.rejected(OPERATORS.get(0), new Call.StakeWithPool(nodes.get(0), WAL - 1), AbortReason.EStakeBelowThreshold);
        c.rejected(OPERATORS.get(0), new Call.StakeWithPool(nodes.get(0), 0), AbortReason.EZeroStake);
        for (int i = 0; i < 4; i++) {
            Receipt r = c.exec(OPERATORS.get(i), new Call.StakeWithPool(nodes.get(i), STAKES[i]));
            assertThat(TestChain.changed(r, ObjectChange.Created.class, "::StakedWal").getFirst().json())
                    .containsEntry("activation_epoch", 1L);
        }
        assertThat(s.balance(OPERATORS.get(0))).isEqualTo(950 * WAL);

        // epoch 1 may not start before first_epoch_start
        c.setClock(START_MS - 1);
        c.rejected(BOB, new Call.VotingEnd(), AbortReason.EWrongEpochState);
        c.setClock(START_MS);
        Receipt votingEnd = c.exec(BOB, new Call.VotingEnd());
        assertThat(TestChain.event(votingEnd, "EpochParametersSelected")).containsEntry("next_epoch", 1L);
        assertThat(s.epochState()).isEqualTo(new EpochState.NextParamsSelected(START_MS));
        c.rejected(BOB, new Call.VotingEnd(), AbortReason.EWrongEpochState);

        // stake after the vote activates an epoch later
        Receipt late = c.exec(OPERATORS.get(3), new Call.StakeWithPool(nodes.get(3), 100 * WAL));
        assertThat(TestChain.changed(late, ObjectChange.Created.class, "::StakedWal").getFirst().json())
                .containsEntry("activation_epoch", 2L);

        // epoch 1: D'Hondt over 50/30/15/5 WAL gives 5, 4, 1, 0 shards; node 3 is left out
        Receipt initiate = c.exec(BOB, new Call.InitiateEpochChange());
        assertThat(eventNames(initiate)).containsExactly("EpochChangeStart", "PricesUpdated");
        // storage votes 100 (5 shards), 200 (4), 300 (1): dropping 300 leaves 9 >= 7, dropping 200 leaves 5
        assertThat(TestChain.event(initiate, "PricesUpdated")).containsEntry("storage_price", "200")
                .containsEntry("write_price", "20");
        assertThat(s.currentEpoch()).isEqualTo(1);
        assertThat(s.epochState()).isEqualTo(new EpochState.EpochChangeSync(0));
        // capacity votes node_capacity * 10 / shards: 2000 (5), 3000 (4), 1000 (1) -> 2000 has a quorum above
        assertThat(s.capacity()).isEqualTo(new Capacity(2000, 0));
        CommitteeView committee = s.committee();
        Map<SuiAddress, List<Integer>> assignment = committee.shardAssignment();
        assertThat(assignment).containsOnlyKeys(nodes.get(0), nodes.get(1), nodes.get(2));
        assertThat(assignment.get(nodes.get(0))).hasSize(5);
        assertThat(assignment.get(nodes.get(1))).hasSize(4);
        assertThat(assignment.get(nodes.get(2))).hasSize(1);
        List<Integer> all = assignment.values().stream().flatMap(List::stream).toList();
        assertThat(all).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9); // sequential in node-id order
        assertThat(committee.members()).extracting(CommitteeMember::nodeId).isSorted();

        // sync done: the cap holder, for the current epoch, once, and only committee members
        c.rejected(BOB, new Call.EpochSyncDone(nodes.get(1), 1), AbortReason.ENotOwner);
        c.rejected(OPERATORS.get(1), new Call.EpochSyncDone(nodes.get(1), 2), AbortReason.EInvalidSyncEpoch);
        c.rejected(OPERATORS.get(3), new Call.EpochSyncDone(nodes.get(3), 1), AbortReason.ENotInCommittee);
        Receipt sync1 = c.exec(OPERATORS.get(1), new Call.EpochSyncDone(nodes.get(1), 1));
        assertThat(eventNames(sync1)).containsExactly("ShardsReceived");
        assertThat(TestChain.event(sync1, "ShardsReceived")).containsEntry("shards", assignment.get(nodes.get(1)));
        assertThat(s.epochState()).isEqualTo(new EpochState.EpochChangeSync(4));
        c.rejected(OPERATORS.get(1), new Call.EpochSyncDone(nodes.get(1), 1), AbortReason.EDuplicateSyncDone);
        c.advanceClock(5);
        Receipt sync0 = c.exec(OPERATORS.get(0), new Call.EpochSyncDone(nodes.get(0), 1));
        assertThat(eventNames(sync0)).containsExactly("EpochChangeDone", "ShardsReceived");
        long epochOneDone = START_MS + 5;
        assertThat(s.epochState()).isEqualTo(new EpochState.EpochChangeDone(epochOneDone));
        assertThat(eventNames(c.exec(OPERATORS.get(2), new Call.EpochSyncDone(nodes.get(2), 1))))
                .containsExactly("ShardsReceived");

        // price votes apply at update_prices: 50 (5), 60 (4), 300 (1) -> 60
        c.exec(OPERATORS.get(0), new Call.SetStoragePriceVote(nodes.get(0), 50));
        c.exec(OPERATORS.get(1), new Call.SetStoragePriceVote(nodes.get(1), 60));
        c.rejected(OPERATORS.get(0), new Call.SetWritePriceVote(nodes.get(1), 1), AbortReason.ENotOwner);
        assertThat(s.prices()).isEqualTo(new Prices(200, 20));
        Receipt update = c.exec(BOB, new Call.UpdatePrices());
        assertThat(TestChain.event(update, "PricesUpdated")).containsExactlyEntriesOf(TestChain.ordered(
                "epoch", 1L, "storage_price", "60", "write_price", "20"));
        assertThat(s.prices()).isEqualTo(new Prices(60, 20));

        // voting_end half an epoch after the epoch change completed, initiate a full epoch after it
        c.setClock(epochOneDone + EPOCH_MS / 2 - 1);
        c.rejected(BOB, new Call.VotingEnd(), AbortReason.EWrongEpochState);
        c.advanceClock(1);
        c.exec(BOB, new Call.VotingEnd());
        c.rejected(BOB, new Call.InitiateEpochChange(), AbortReason.EWrongEpochState);
        c.setClock(epochOneDone + EPOCH_MS);
        Receipt second = c.exec(BOB, new Call.InitiateEpochChange());
        // votes for epoch 2: storage 50 (3 shards), 60 (2), 400 (5): dropping 400 leaves 5 < 7 -> 400
        assertThat(TestChain.event(second, "PricesUpdated")).containsEntry("epoch", 2L)
                .containsEntry("storage_price", "400").containsEntry("write_price", "40");
        // capacity votes 1000 * 10 / 3 = 3333 (3), 1200 * 10 / 2 = 6000 (2), 5000 * 10 / 5 = 10000 (5) -> 6000
        assertThat(s.capacity().totalCapacitySize()).isEqualTo(6000);

        // epoch 2 stakes 50/30/15/105 WAL: D'Hondt gives 3, 2, 0, 5; kept shards stay, freed ones go to node 3
        Map<SuiAddress, List<Integer>> next = s.committee().shardAssignment();
        assertThat(next).containsOnlyKeys(nodes.get(0), nodes.get(1), nodes.get(3));
        assertThat(next.get(nodes.get(0))).isEqualTo(assignment.get(nodes.get(0)).subList(0, 3));
        assertThat(next.get(nodes.get(1))).isEqualTo(assignment.get(nodes.get(1)).subList(0, 2));
        Set<Integer> freed = new HashSet<>(assignment.get(nodes.get(0)).subList(3, 5));
        freed.addAll(assignment.get(nodes.get(1)).subList(2, 4));
        freed.addAll(assignment.get(nodes.get(2)));
        assertThat(next.get(nodes.get(3))).containsExactlyInAnyOrderElementsOf(freed);
        assertThat(s.committee().blsCommittee().epoch()).isEqualTo(2);
        c.exec(ADMIN, new Call.AdvanceEpoch());
        assertThat(s.currentEpoch()).isEqualTo(3);
        assertThat(s.epochState()).isInstanceOf(EpochState.EpochChangeDone.class);
    }
}
