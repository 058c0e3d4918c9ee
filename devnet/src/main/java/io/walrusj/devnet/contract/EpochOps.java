package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The epoch state machine (docs/spec/walrus-chain.md 6): {@code voting_end} selects the next committee and
 * capacity, {@code initiate_epoch_change_v2} burns 3%, advances the system (new BLS committee,
 * accounting, capacity, rewards) and the staking state (pools take their rewards, pending stake
 * activates) and re-applies the price votes, {@code epoch_sync_done} collects the new committee's
 * shard weight until a quorum finishes the change.
 */
final class EpochOps {

    /** A node's reward for the epoch that ended. */
    record NodeReward(SuiAddress nodeId, long reward) {}

    private EpochOps() {}

    /** {@code staking_inner::voting_end}; {@code ignoreClock} skips the half-epoch wait (devnet shortcut). */
    static void votingEnd(Tx tx, boolean ignoreClock) {
        StakingInner staking = tx.stakingMut();
        if (!(staking.epochState instanceof EpochState.EpochChangeDone done)) {
            throw new ContractException(AbortReason.EWrongEpochState,
                    "voting_end needs EpochChangeDone, the state is " + staking.epochState);
        }
        long lastEpochChange = done.timestampMs();
        if (!ignoreClock) {
            if (staking.epoch != 0) {
                long allowed = lastEpochChange + staking.epochDuration / 2;
                ContractException.check(tx.now() >= allowed, AbortReason.EWrongEpochState,
                        "voting ends at " + allowed + " ms, now is " + tx.now());
            } else {
                ContractException.check(tx.now() >= staking.firstEpochStart, AbortReason.EWrongEpochState,
                        "epoch 1 may start at " + staking.firstEpochStart + " ms, now is " + tx.now());
            }
        }
        for (SuiAddress id : staking.previousCommittee.nodeIds()) {
            Optional<StakingPool> pool = tx.find(id, StakingPool.class);
            if (pool.isPresent() && pool.get().blockedCommission != null) {
                tx.modify(id, StakingPool.class).blockedCommission = null;
            }
        }
        selectCommitteeAndCalculateVotes(tx, staking);
        staking.epochState = new EpochState.NextParamsSelected(lastEpochChange);
        tx.emit(tx.events().epochParametersSelected(staking.epoch + 1));
    }

    private static void selectCommitteeAndCalculateVotes(Tx tx, StakingInner staking) {
        ContractException.check(staking.nextCommittee == null, AbortReason.ECommitteeSelected,
                "the next committee is already selected");
        List<Apportionment.Assignment> distribution = Apportionment.apportion(staking.activeSet.nodes(),
                staking.nShards);
        ShardCommittee committee = staking.committee.size() == 0 ? CommitteeTransition.initialize(distribution)
                : CommitteeTransition.transition(staking.committee, distribution);
        List<StakingInner.NodeKey> keys = new ArrayList<>();
        List<QuorumVotes.Vote> capacityVotes = new ArrayList<>();
        for (ShardCommittee.NodeShards node : committee.entries()) {
            StakingPool pool = tx.read(node.nodeId(), StakingPool.class);
            int weight = node.shards().size();
            ContractException.check(weight > 0, AbortReason.EZeroNodeWeight, "node " + node.nodeId() + " has no shards");
            keys.add(new StakingInner.NodeKey(node.nodeId(), pool.nextOrCurrentPublicKey()));
            BigInteger vote = U64.big(pool.nodeCapacityVote).multiply(BigInteger.valueOf(staking.nShards))
                    .divide(BigInteger.valueOf(weight));
            capacityVotes.add(new QuorumVotes.Vote(U64.fromBig(vote.min(U64.big(U64.MAX))), weight));
        }
        staking.nextEpochPublicKeys = keys;
        staking.nextCommittee = committee;
        staking.nextEpochParams = new EpochParams(QuorumVotes.quorumAbove(capacityVotes, staking.nShards), U64.MAX,
                U64.MAX);
    }

    /** {@code staking::initiate_epoch_change_v2}; {@code ignoreClock} skips the epoch-duration wait. */
    static void initiateEpochChange(Tx tx, boolean ignoreClock) {
        SystemInner system = tx.systemMut();
        tx.burn(system.futureAccounting.extractBurn());
        StakingInner staking = tx.stakingMut();
        BlsCommitteeState nextCommittee = nextBlsCommittee(staking);
        List<NodeReward> rewards = advanceSystem(system, nextCommittee, staking.nextEpochParams);
        if (!(staking.epochState instanceof EpochState.NextParamsSelected selected)) {
            throw new ContractException(AbortReason.EWrongEpochState,
                    "initiate_epoch_change needs NextParamsSelected, the state is " + staking.epochState);
        }
        if (!ignoreClock) {
            long allowed = staking.epoch == 0 ? staking.firstEpochStart : selected.timestampMs() + staking.epochDuration;
            ContractException.check(tx.now() >= allowed, AbortReason.EWrongEpochState,
                    "the epoch change is allowed at " + allowed + " ms, now is " + tx.now());
        }
        advanceStaking(tx, staking, rewards);
        StakingOps.updatePrices(tx);
    }

    /** {@code next_bls_committee}: the selected committee with the keys recorded at voting_end. */
    private static BlsCommitteeState nextBlsCommittee(StakingInner staking) {
        ContractException.check(staking.nextCommittee != null, AbortReason.ENextCommitteeIsEmpty,
                "no committee selected for the next epoch");
        List<StakingInner.NodeKey> keys = staking.nextEpochPublicKeys;
        staking.nextEpochPublicKeys = List.of();
        List<ShardCommittee.NodeShards> nodes = staking.nextCommittee.entries();
        List<BlsCommitteeState.Member> members = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            ShardCommittee.NodeShards node = nodes.get(i);
            ContractException.check(i < keys.size() && keys.get(i).nodeId().equals(node.nodeId()),
                    AbortReason.EIncorrectNodeOrder, "public keys do not match the committee order");
            members.add(new BlsCommitteeState.Member(node.nodeId(), keys.get(i).publicKey(), node.shards().size()));
        }
        return new BlsCommitteeState(staking.epoch + 1, members);
    }

    /** {@code system_state_inner::advance_epoch}: returns the rewards of the old committee's nodes. */
    private static List<NodeReward> advanceSystem(SystemInner system, BlsCommitteeState newCommittee,
            EpochParams params) {
        long oldEpoch = system.epoch();
        BlsCommitteeState oldCommittee = system.committee;
        ContractException.check(newCommittee.epoch() == oldEpoch + 1, AbortReason.EIncorrectCommittee,
                "new committee is for epoch " + newCommittee.epoch());
        system.committee = newCommittee;
        AccountingRing.Entry ended = system.futureAccounting.popExpand();
        ContractException.check(ended.epoch == oldEpoch, AbortReason.EInvalidAccountingEpoch,
                "accounting entry of epoch " + ended.epoch + " popped in epoch " + oldEpoch);
        long oldUsed = ended.usedCapacity;
        system.usedCapacitySize = system.futureAccounting.lookup(0).usedCapacity;
        system.totalCapacitySize = U64.max(params.totalCapacitySize(), system.usedCapacitySize);

        // reward_i = weight_i * stored / sum(weight_j * stored) * rewards; no deny lists, so stored = used capacity
        List<BigInteger> weighted = new ArrayList<>();
        BigInteger totalStored = BigInteger.ZERO;
        for (BlsCommitteeState.Member m : oldCommittee.members()) {
            BigInteger w = BigInteger.valueOf(m.weight()).multiply(U64.big(oldUsed));
            weighted.add(w);
            totalStored = totalStored.add(w);
        }
        totalStored = totalStored.max(BigInteger.ONE);
        long remaining = ended.rewards;
        BigInteger totalRewards = U64.big(ended.rewards);
        List<NodeReward> rewards = new ArrayList<>();
        for (int i = 0; i < weighted.size(); i++) {
            long reward = U64.mulDivU128(weighted.get(i), totalRewards, totalStored);
            remaining = U64.sub(remaining, reward);
            rewards.add(new NodeReward(oldCommittee.members().get(i).nodeId(), reward));
        }
        AccountingRing.Entry current = system.futureAccounting.lookup(0);
        current.rewards = U64.add(current.rewards, remaining);
        return rewards;
    }

    /** {@code staking_inner::advance_epoch}: the new epoch starts syncing; pools take rewards and pending stake. */
    private static void advanceStaking(Tx tx, StakingInner staking, List<NodeReward> rewards) {
        ContractException.check(staking.nextCommittee != null, AbortReason.EWrongEpochState, "no next committee");
        staking.epoch = staking.epoch + 1;
        staking.previousCommittee = staking.committee;
        staking.committee = staking.nextCommittee;
        staking.nextCommittee = null;
        staking.epochState = new EpochState.EpochChangeSync(0);
        Set<SuiAddress> previous = new HashSet<>(staking.previousCommittee.nodeIds());
        for (NodeReward r : rewards) {
            advancePool(tx, staking, r.nodeId(), r.reward());
        }
        for (SuiAddress id : staking.committee.nodeIds()) {
            if (!previous.contains(id)) {
                advancePool(tx, staking, id, 0);
            }
        }
        tx.emit(tx.events().epochChangeStart(staking.epoch));
    }

    private static void advancePool(Tx tx, StakingInner staking, SuiAddress nodeId, long reward) {
        StakingPool pool = tx.modify(nodeId, StakingPool.class);
        pool.advanceEpoch(reward, staking.epoch);
        staking.activeSet.insertOrUpdate(nodeId, pool.walBalanceAtEpoch(staking.epoch + 1));
    }

    /** {@code staking_inner::epoch_sync_done}; {@code requireOwner} false lets the devnet sync on a node's behalf. */
    static void epochSyncDone(Tx tx, SuiAddress nodeId, long epoch, boolean requireOwner) {
        StakingInner staking = tx.stakingMut();
        U64.requireU32(epoch, "epoch");
        StorageNodeCap cap = StakingOps.capOf(tx, nodeId, requireOwner);
        ContractException.check(epoch == staking.epoch, AbortReason.EInvalidSyncEpoch,
                "sync done for epoch " + epoch + " in epoch " + staking.epoch);
        ContractException.check(cap.lastEpochSyncDone() < staking.epoch, AbortReason.EDuplicateSyncDone,
                "node " + nodeId + " already reported sync done for epoch " + staking.epoch);
        tx.replace(cap.withLastEpochSyncDone(staking.epoch));
        List<Integer> shards = staking.committee.shards(nodeId).orElseThrow(() -> new ContractException(
                AbortReason.ENotInCommittee, "node " + nodeId + " is not in the committee of epoch " + staking.epoch));
        if (staking.epochState instanceof EpochState.EpochChangeSync sync) {
            int weight = sync.weight() + shards.size();
            if (staking.isQuorum(weight)) {
                staking.epochState = new EpochState.EpochChangeDone(tx.now());
                tx.emit(tx.events().epochChangeDone(staking.epoch));
            } else {
                staking.epochState = new EpochState.EpochChangeSync(weight);
            }
        }
        tx.emit(tx.events().shardsReceived(staking.epoch, shards));
    }

    /**
     * Devnet shortcut: finish a pending epoch change, then voting_end, initiate_epoch_change and
     * sync done for every committee node, ignoring the clock.
     */
    static void advanceEpoch(Tx tx) {
        if (tx.staking().epochState instanceof EpochState.EpochChangeSync) {
            syncRemaining(tx);
        }
        if (tx.staking().epochState instanceof EpochState.EpochChangeDone) {
            votingEnd(tx, true);
        }
        initiateEpochChange(tx, true);
        syncRemaining(tx);
    }

    /** Sync done for every committee node (in node-id order) that has not reported for the current epoch. */
    static void syncRemaining(Tx tx) {
        StakingInner staking = tx.staking();
        long epoch = staking.epoch;
        for (SuiAddress nodeId : staking.committee.nodeIds()) {
            if (StakingOps.capOf(tx, nodeId, false).lastEpochSyncDone() < epoch) {
                epochSyncDone(tx, nodeId, epoch, false);
            }
        }
    }
}
