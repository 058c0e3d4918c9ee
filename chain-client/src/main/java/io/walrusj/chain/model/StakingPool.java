package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * The leading fields of Move {@code staking_pool::StakingPool} ({@code docs/spec/walrus-chain.md} 2.2), whose
 * object ID is the node ID: {@code id: UID, state: PoolState (0 Active, 1 Withdrawing(u32),
 * 2 Withdrawn), voting_params: {storage_price: u64, write_price: u64, node_capacity: u64},
 * node_info: StorageNodeInfo, activation_epoch: u32, latest_epoch: u32, wal_balance: u64,
 * num_shares: u64}. The rest (pending values, commission, exchange-rate table, authorizations,
 * extra fields) is not decoded: {@link #fromBcs} reads a prefix of the object.
 *
 * @param withdrawingEpoch the epoch of {@code Withdrawing(u32)}, else -1
 */
public record StakingPool(
        SuiAddress id,
        int state,
        long withdrawingEpoch,
        long storagePriceVote,
        long writePriceVote,
        long nodeCapacityVote,
        StorageNodeInfo nodeInfo,
        long activationEpoch,
        long latestEpoch,
        long walBalance,
        long numShares) {

    public static final int ACTIVE = 0;
    public static final int WITHDRAWING = 1;
    public static final int WITHDRAWN = 2;

    public StakingPool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeInfo, "nodeInfo");
    }

    public static StakingPool read(BcsReader r) {
        SuiAddress id = SuiAddress.read(r);
        int state = r.variant("PoolState", 3);
        long withdrawing = state == WITHDRAWING ? r.u32() : -1;
        long storagePrice = r.u64();
        long writePrice = r.u64();
        long capacity = r.u64();
        StorageNodeInfo info = StorageNodeInfo.read(r);
        long activation = r.u32();
        long latest = r.u32();
        long balance = r.u64();
        long shares = r.u64();
        return new StakingPool(id, state, withdrawing, storagePrice, writePrice, capacity, info, activation, latest,
                balance, shares);
    }

    /** Decodes the leading fields of a {@code StakingPool} object's BCS (trailing fields are ignored). */
    public static StakingPool fromBcs(byte[] bcs) {
        return MoveObjects.decodePrefix("StakingPool", bcs, StakingPool::read);
    }

    /** Writes the decoded prefix (not a whole object). */
    public void writeBcs(BcsWriter w) {
        id.writeBcs(w);
        w.variant(state);
        if (state == WITHDRAWING) {
            w.u32(withdrawingEpoch);
        }
        w.u64(storagePriceVote).u64(writePriceVote).u64(nodeCapacityVote);
        nodeInfo.writeBcs(w);
        w.u32(activationEpoch).u32(latestEpoch).u64(walBalance).u64(numShares);
    }
}
