package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.ProofOfPossessionMessage;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Storage-node registration, staking and votes ({@code staking}, {@code staking_inner},
 * {@code staking_pool}).
 */
final class StakingOps {

    private StakingOps() {}

    /** {@code register_candidate}: verifies the proof of possession, creates the pool and the cap. */
    static SuiAddress registerCandidate(Tx tx, Call.RegisterCandidate call) {
        StakingInner staking = tx.stakingMut();
        ContractException.check(verifyProofOfPossession(staking.epoch, tx.sender(), call.blsPublicKey(),
                call.proofOfPossession()), AbortReason.EInvalidProofOfPossession,
                "the proof of possession does not verify for epoch " + staking.epoch + " and sender " + tx.sender());
        return createPool(tx, staking, tx.newId(), tx.sender(), call.name(), call.networkAddress(), call.blsPublicKey(),
                call.networkPublicKey(), call.commissionRate(), call.storagePrice(), call.writePrice(),
                call.nodeCapacity());
    }

    /**
     * {@code staking_inner::create_pool} + {@code storage_node::new_cap} without the proof check
     * (genesis nodes are trusted); returns the node id.
     */
    static SuiAddress createPool(Tx tx, StakingInner staking, SuiAddress nodeId, SuiAddress operator, String name,
            String networkAddress, BlsPublicKey publicKey, byte[] networkPublicKey, int commissionRate,
            long storagePrice, long writePrice, long nodeCapacity) {
        SuiAddress exchangeRatesId = tx.newId();
        ContractException.check(StakingPool.utf8Length(name) <= StakingPool.MAX_NODE_NAME_LENGTH,
                AbortReason.EInvalidNameLength, "node name is longer than 100 bytes");
        ContractException.check(StakingPool.utf8Length(networkAddress) <= StakingPool.MAX_NETWORK_ADDRESS_LENGTH,
                AbortReason.EInvalidNetworkAddressLength, "network address is longer than 259 bytes");
        ContractException.check(commissionRate >= 0 && commissionRate <= StakingPool.N_BASIS_POINTS,
                AbortReason.EIncorrectCommissionRate, "commission rate " + commissionRate + " exceeds 10,000 bps");
        ContractException.check(networkPublicKey.length == 33, AbortReason.EInvalidNetworkPublicKey,
                "network public key has " + networkPublicKey.length + " bytes, expected 33");
        SuiAddress metadataId = tx.newId();
        SuiAddress extraFieldsId = tx.newId();
        long activationEpoch = staking.committeeSelected() ? staking.epoch + 1 : staking.epoch;
        StakingPool pool = new StakingPool(nodeId, name, networkAddress, publicKey, networkPublicKey, metadataId,
                exchangeRatesId, extraFieldsId, commissionRate, storagePrice, writePrice, nodeCapacity,
                activationEpoch, staking.epoch, operator);
        staking.poolCount = U64.add(staking.poolCount, 1);
        StorageNodeCap cap = new StorageNodeCap(tx.newId(), nodeId, 0);
        pool.commissionReceiver = StakingPool.Authorized.object(cap.id());
        tx.create(pool, new Owner.ObjectOwner(staking.poolsTableId));
        tx.create(cap, new Owner.AddressOwner(operator));
        return nodeId;
    }

    /** {@code stake_with_pool}: moves the sender's WAL into the pool's pending stake; mints a StakedWal. */
    static StakedWal stakeWithPool(Tx tx, Call.StakeWithPool call) {
        tx.debit(tx.sender(), call.amount());
        return stake(tx, tx.stakingMut(), call.nodeId(), call.amount(), tx.sender());
    }

    /** {@code staking_inner::stake_with_pool} for an amount already taken from the staker. */
    static StakedWal stake(Tx tx, StakingInner staking, SuiAddress nodeId, long amount, SuiAddress staker) {
        StakingPool pool = tx.modify(nodeId, StakingPool.class);
        ContractException.check(amount != 0, AbortReason.EZeroStake, "cannot stake 0");
        long activationEpoch = staking.epoch + (staking.committeeSelected() ? 2 : 1);
        ContractException.check(U64.compare(amount, StakingPool.MIN_STAKE) >= 0, AbortReason.EStakeBelowThreshold,
                "a stake must be at least 1 WAL, got " + Long.toUnsignedString(amount) + " FROST");
        StakedWal staked = new StakedWal(tx.newId(), nodeId, amount, activationEpoch);
        pool.pendingStake.insertOrAdd(activationEpoch, amount);
        long nextVoteBalance = pool.walBalanceAtEpoch(
                staking.epoch + (staking.epochState instanceof EpochState.NextParamsSelected ? 2 : 1));
        staking.activeSet.insertOrUpdate(nodeId, nextVoteBalance);
        tx.create(staked, new Owner.AddressOwner(staker));
        return staked;
    }

    static void setStoragePriceVote(Tx tx, Call.SetStoragePriceVote call) {
        tx.stakingMut();
        poolOfCapHolder(tx, call.nodeId()).storagePriceVote = call.storagePrice();
    }

    static void setWritePriceVote(Tx tx, Call.SetWritePriceVote call) {
        tx.stakingMut();
        poolOfCapHolder(tx, call.nodeId()).writePriceVote = call.writePrice();
    }

    static void setNodeCapacityVote(Tx tx, Call.SetNodeCapacityVote call) {
        tx.stakingMut();
        poolOfCapHolder(tx, call.nodeId()).nodeCapacityVote = call.nodeCapacity();
    }

    /** {@code staking::update_prices}: the quorum-below prices of the current committee, applied now. */
    static void updatePrices(Tx tx) {
        StakingInner staking = tx.stakingMut();
        SystemInner system = tx.systemMut();
        long storagePrice = U64.MAX;
        long writePrice = U64.MAX;
        if (staking.committee.size() > 0) {
            List<QuorumVotes.Vote> storageVotes = new ArrayList<>();
            List<QuorumVotes.Vote> writeVotes = new ArrayList<>();
            for (ShardCommittee.NodeShards node : staking.committee.entries()) {
                StakingPool pool = tx.read(node.nodeId(), StakingPool.class);
                storageVotes.add(new QuorumVotes.Vote(pool.storagePriceVote, node.shards().size()));
                writeVotes.add(new QuorumVotes.Vote(pool.writePriceVote, node.shards().size()));
            }
            storagePrice = QuorumVotes.quorumBelow(storageVotes, staking.nShards);
            writePrice = QuorumVotes.quorumBelow(writeVotes, staking.nShards);
        }
        system.storagePricePerUnitSize = storagePrice;
        system.writePricePerUnitSize = writePrice;
        tx.emit(tx.events().pricesUpdated(staking.epoch, storagePrice, writePrice));
    }

    /** The cap of {@code nodeId}; the sender must own it when {@code requireOwner}. */
    static StorageNodeCap capOf(Tx tx, SuiAddress nodeId, boolean requireOwner) {
        StakingPool pool = tx.read(nodeId, StakingPool.class);
        StorageNodeCap cap = requireOwner ? tx.readOwned(pool.capId(), StorageNodeCap.class)
                : tx.read(pool.capId(), StorageNodeCap.class);
        ContractException.check(cap.nodeId().equals(nodeId), AbortReason.EWrongObjectType,
                "cap " + cap.id() + " belongs to node " + cap.nodeId());
        return cap;
    }

    /** The pool of {@code nodeId} for writing, after checking the sender holds the node's cap. */
    private static StakingPool poolOfCapHolder(Tx tx, SuiAddress nodeId) {
        capOf(tx, nodeId, true);
        return tx.modify(nodeId, StakingPool.class);
    }

    private static boolean verifyProofOfPossession(long epoch, SuiAddress sender, BlsPublicKey key, byte[] proof) {
        try {
            return new ProofOfPossessionMessage(epoch, sender, key).verify(BlsSignature.fromBytes(proof));
        } catch (CryptoException e) {
            return false;
        }
    }
}
