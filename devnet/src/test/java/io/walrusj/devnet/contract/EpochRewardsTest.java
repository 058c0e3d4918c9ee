package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ALICE;
import static io.walrusj.devnet.contract.TestChain.ADMIN;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static io.walrusj.devnet.contract.TestChain.KEYS;
import static io.walrusj.devnet.contract.TestChain.OPERATORS;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.ProofOfPossessionMessage;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Burn, reward split by shards, commission and its blocking, and conservation of WAL across epochs. */
class EpochRewardsTest {
    private static final long WAL = 1_000_000_000L;

    @Test
    void rewardsFollowShardsAndCommission() {
        TestChain c = new TestChain(WalrusSystem.genesis(TestChain.genesis(false, true)));
        WalrusSystem s = c.system;
        List<SuiAddress> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SuiAddress op = OPERATORS.get(i);
            c.exec(op, new Call.Faucet(op, 100 * WAL));
            byte[] pop = ProofOfPossessionMessage.prove(KEYS.get(i), 0, op).toBytes();
            nodes.add(TestChain.createdId(c.exec(op, new Call.RegisterCandidate("n" + i, "h:" + i,
                    KEYS.get(i).publicKey(), pop, new byte[33], 1000, 100, 20, 1L << 30)), "::StakingPool"));
            c.exec(op, new Call.StakeWithPool(nodes.get(i), 100 * WAL));
        }
        c.exec(ADMIN, new Call.AdvanceEpoch());
        assertThat(s.currentEpoch()).isEqualTo(1);
        // equal stakes: the first two in the active set (registration order) get 3 shards, the others 2
        Map<SuiAddress, List<Integer>> shards = s.committee().shardAssignment();
        assertThat(List.of(shards.get(nodes.get(0)).size(), shards.get(nodes.get(1)).size(),
                shards.get(nodes.get(2)).size(), shards.get(nodes.get(3)).size())).containsExactly(3, 3, 2, 2);

        // epoch 1 earns 100 FROST of storage fees; 3 are burned, 97 split 3:3:2:2 -> 29, 29, 19, 19 (+1 left)
        c.exec(ALICE, new Call.ReserveSpace(10_680, 1));
        c.exec(ADMIN, new Call.AdvanceEpoch());
        assertThat(s.totalBurned()).isEqualTo(3);
        long[] rewards = {29, 29, 19, 19};
        long[] commission = {2, 2, 1, 1}; // 10%, rounded down
        for (int i = 0; i < 4; i++) {
            Map<String, Object> pool = s.object(nodes.get(i)).orElseThrow().json();
            assertThat(pool.get("commission")).isEqualTo(Map.of("value", Long.toString(commission[i])));
            assertThat(pool.get("rewards_pool")).isEqualTo(Map.of("value", Long.toString(rewards[i] - commission[i])));
            assertThat(pool.get("wal_balance")).isEqualTo(Long.toString(100 * WAL + rewards[i] - commission[i]));
            // the new commission is blocked for collection until the next voting_end
            assertThat(pool.get("extra_fields")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("size", "1");
        }
        assertConserved(c, nodes);

        // voting_end of epoch 2 unblocks the commission of epoch 1's committee
        EpochState.EpochChangeDone done = (EpochState.EpochChangeDone) s.epochState();
        c.setClock(done.timestampMs() + TestChain.EPOCH_MS / 2);
        c.exec(BOB, new Call.VotingEnd());
        for (SuiAddress node : nodes) {
            assertThat(s.object(node).orElseThrow().json().get("extra_fields"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("size", "0");
        }
        c.exec(ADMIN, new Call.AdvanceEpoch());
        assertThat(s.currentEpoch()).isEqualTo(3);
        assertConserved(c, nodes);
    }

    /** Everything minted is in a balance, a pool (stake, rewards, commission), a reward bucket, or burned. */
    private static void assertConserved(TestChain c, List<SuiAddress> nodes) {
        WalrusSystem s = c.system;
        long total = s.balances().values().stream().mapToLong(Long::longValue).sum() + s.totalBurned();
        for (SuiAddress node : nodes) {
            Map<String, Object> pool = s.object(node).orElseThrow().json();
            total += Long.parseLong((String) pool.get("wal_balance"));
            total += Long.parseLong((String) ((Map<?, ?>) pool.get("commission")).get("value"));
            Map<?, ?> pending = (Map<?, ?>) ((Map<?, ?>) pool.get("pending_stake")).get("pos0");
            for (Object e : (List<?>) pending.get("contents")) {
                total += Long.parseLong((String) ((Map<?, ?>) e).get("value"));
            }
        }
        Map<?, ?> inner = (Map<?, ?>) s.object(s.systemStateFieldId()).orElseThrow().json().get("value");
        for (Object e : (List<?>) ((Map<?, ?>) inner.get("future_accounting")).get("ring_buffer")) {
            total += Long.parseLong((String) ((Map<?, ?>) ((Map<?, ?>) e).get("rewards_to_distribute")).get("value"));
        }
        assertThat(total).isEqualTo(s.totalMinted());
    }
}
