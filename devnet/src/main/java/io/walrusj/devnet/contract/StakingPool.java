package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * Move {@code staking_pool::StakingPool} (its object id is the node id), with its
 * {@code StorageNodeInfo}. The pool is always {@code Active} (withdrawals are not modelled, so the
 * withdrawal queues stay empty). Exchange rates, node metadata and the blocked-commission bag entry
 * live in tables/bags/extended fields on chain; here they are plain fields and only the container
 * ids and sizes appear in the BCS. Mutable; {@link #copy()} is deep.
 */
final class StakingPool implements MoveObject {
    /** {@code staked_wal::MIN_STAKING_THRESHOLD}: 1 WAL. */
    static final long MIN_STAKE = 1_000_000_000L;
    static final int N_BASIS_POINTS = 10_000;
    static final int MAX_NODE_NAME_LENGTH = 100;
    static final int MAX_NETWORK_ADDRESS_LENGTH = 259;

    /** Move {@code auth::Authorized}: variant 0 {@code Address(address)}, 1 {@code ObjectID(ID)}. */
    record Authorized(int variant, SuiAddress value) {
        static Authorized address(SuiAddress a) {
            return new Authorized(0, a);
        }

        static Authorized object(SuiAddress id) {
            return new Authorized(1, id);
        }

        void writeBcs(BcsWriter w) {
            w.variant(variant).fixedBytes(value.bytes());
        }

        Map<String, Object> json() {
            return Json.variant(variant == 0 ? "Address" : "ObjectID",
                    Json.obj().put("pos0", Json.id(value)).build());
        }
    }

    final SuiAddress id;
    long storagePriceVote;
    long writePriceVote;
    long nodeCapacityVote;
    // StorageNodeInfo
    String name;
    String networkAddress;
    BlsPublicKey publicKey;
    BlsPublicKey nextEpochPublicKey;
    byte[] networkPublicKey;
    final SuiAddress metadataFieldId;
    // pool accounting
    long activationEpoch;
    long latestEpoch;
    long walBalance;
    long numShares;
    final PendingValues pendingSharesWithdraw;
    final PendingValues preActiveWithdrawals;
    final PendingValues pendingCommissionRate;
    int commissionRate;
    final SuiAddress exchangeRatesId;
    final TreeMap<Long, ExchangeRate> exchangeRates;
    final PendingValues pendingStake;
    long rewardsPool;
    long commission;
    Authorized commissionReceiver;
    Authorized governanceAuthorized;
    final SuiAddress extraFieldsId;
    /** The {@code NewEpochCommissionBlockedForCollection} bag entry; null when absent. */
    Long blockedCommission;

    StakingPool(SuiAddress id, String name, String networkAddress, BlsPublicKey publicKey, byte[] networkPublicKey,
            SuiAddress metadataFieldId, SuiAddress exchangeRatesId, SuiAddress extraFieldsId, int commissionRate,
            long storagePriceVote, long writePriceVote, long nodeCapacityVote, long activationEpoch,
            long latestEpoch, SuiAddress owner) {
        this.id = id;
        this.storagePriceVote = storagePriceVote;
        this.writePriceVote = writePriceVote;
        this.nodeCapacityVote = nodeCapacityVote;
        this.name = name;
        this.networkAddress = networkAddress;
        this.publicKey = publicKey;
        this.networkPublicKey = networkPublicKey.clone();
        this.metadataFieldId = metadataFieldId;
        this.activationEpoch = activationEpoch;
        this.latestEpoch = latestEpoch;
        this.pendingSharesWithdraw = PendingValues.empty();
        this.preActiveWithdrawals = PendingValues.empty();
        this.pendingCommissionRate = PendingValues.empty();
        this.commissionRate = commissionRate;
        this.exchangeRatesId = exchangeRatesId;
        this.exchangeRates = new TreeMap<>();
        this.exchangeRates.put(activationEpoch, ExchangeRate.FLAT);
        this.pendingStake = PendingValues.empty();
        this.commissionReceiver = Authorized.address(owner);
        this.governanceAuthorized = Authorized.address(owner);
        this.extraFieldsId = extraFieldsId;
    }

    private StakingPool(StakingPool o) {
        this.id = o.id;
        this.storagePriceVote = o.storagePriceVote;
        this.writePriceVote = o.writePriceVote;
        this.nodeCapacityVote = o.nodeCapacityVote;
        this.name = o.name;
        this.networkAddress = o.networkAddress;
        this.publicKey = o.publicKey;
        this.nextEpochPublicKey = o.nextEpochPublicKey;
        this.networkPublicKey = o.networkPublicKey.clone();
        this.metadataFieldId = o.metadataFieldId;
        this.activationEpoch = o.activationEpoch;
        this.latestEpoch = o.latestEpoch;
        this.walBalance = o.walBalance;
        this.numShares = o.numShares;
        this.pendingSharesWithdraw = o.pendingSharesWithdraw.copy();
        this.preActiveWithdrawals = o.preActiveWithdrawals.copy();
        this.pendingCommissionRate = o.pendingCommissionRate.copy();
        this.commissionRate = o.commissionRate;
        this.exchangeRatesId = o.exchangeRatesId;
        this.exchangeRates = new TreeMap<>(o.exchangeRates);
        this.pendingStake = o.pendingStake.copy();
        this.rewardsPool = o.rewardsPool;
        this.commission = o.commission;
        this.commissionReceiver = o.commissionReceiver;
        this.governanceAuthorized = o.governanceAuthorized;
        this.extraFieldsId = o.extraFieldsId;
        this.blockedCommission = o.blockedCommission;
    }

    /** The id of the {@code StorageNodeCap} (the commission receiver set by {@code register_candidate}). */
    SuiAddress capId() {
        return commissionReceiver.value();
    }

    /** {@code next_epoch_public_key}, or the current key when none is pending. */
    BlsPublicKey nextOrCurrentPublicKey() {
        return nextEpochPublicKey != null ? nextEpochPublicKey : publicKey;
    }

    /** {@code wal_balance_at_epoch} (no withdrawals are modelled): balance plus stake activating by then. */
    long walBalanceAtEpoch(long epoch) {
        return U64.add(walBalance, pendingStake.valueAt(epoch));
    }

    /** {@code staking_pool::advance_epoch}: takes the node's rewards for the ending epoch into the pool. */
    void advanceEpoch(long rewards, long currentEpoch) {
        ContractException.check(currentEpoch > latestEpoch, AbortReason.EPoolAlreadyUpdated,
                "pool " + id + " already advanced to epoch " + latestEpoch);
        ContractException.check(rewards == 0 || walBalance != 0, AbortReason.EIncorrectEpochAdvance,
                "rewards for a pool without stake");
        long commissionValue = U64.mulDivU128(U64.big(rewards), BigInteger.valueOf(commissionRate),
                BigInteger.valueOf(N_BASIS_POINTS));
        commission = U64.add(commission, commissionValue);
        blockedCommission = U64.add(blockedCommission == null ? 0 : blockedCommission, commissionValue);
        long rate = pendingCommissionRate.latestValueAt(currentEpoch);
        if (rate >= 0) {
            commissionRate = (int) rate;
        }
        pendingCommissionRate.flush(currentEpoch);
        long rest = rewards - commissionValue;
        rewardsPool = U64.add(rewardsPool, rest);
        walBalance = U64.add(walBalance, rest);
        latestEpoch = currentEpoch;
        if (nextEpochPublicKey != null) {
            publicKey = nextEpochPublicKey;
            nextEpochPublicKey = null;
        }
        processPendingStake(currentEpoch);
    }

    /** {@code process_pending_stake}: records the epoch's exchange rate and activates pending stake. */
    private void processPendingStake(long currentEpoch) {
        ExchangeRate rate = ExchangeRate.of(walBalance, numShares);
        if (exchangeRates.putIfAbsent(currentEpoch, rate) != null) {
            throw new ContractException(AbortReason.EArithmeticError,
                    "exchange rate of epoch " + currentEpoch + " already recorded");
        }
        walBalance = U64.add(walBalance, pendingStake.flush(currentEpoch));
        preActiveWithdrawals.flush(currentEpoch);
        pendingSharesWithdraw.flush(currentEpoch);
        numShares = rate.toShares(walBalance);
    }

    @Override
    public SuiAddress id() {
        return id;
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("staking_pool", "StakingPool");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.fixedBytes(id.bytes());
        w.variant(0); // PoolState::Active
        w.u64(storagePriceVote).u64(writePriceVote).u64(nodeCapacityVote);
        // StorageNodeInfo
        w.string(name).fixedBytes(id.bytes()).string(networkAddress).bytes(publicKey.toUncompressedBytes());
        w.option(nextEpochPublicKey, (ww, k) -> ww.bytes(k.toUncompressedBytes()));
        w.bytes(networkPublicKey).fixedBytes(metadataFieldId.bytes());
        w.u32(activationEpoch).u32(latestEpoch).u64(walBalance).u64(numShares);
        pendingSharesWithdraw.writeBcs(w);
        preActiveWithdrawals.writeBcs(w);
        pendingCommissionRate.writeBcs(w);
        w.u16(commissionRate);
        w.fixedBytes(exchangeRatesId.bytes()).u64(exchangeRates.size());
        pendingStake.writeBcs(w);
        w.u64(rewardsPool).u64(commission);
        commissionReceiver.writeBcs(w);
        governanceAuthorized.writeBcs(w);
        w.fixedBytes(extraFieldsId.bytes()).u64(blockedCommission == null ? 0 : 1);
    }

    @Override
    public Map<String, Object> json() {
        Map<String, Object> nodeInfo = Json.obj().put("name", name).put("node_id", Json.id(id))
                .put("network_address", networkAddress)
                .put("public_key", Json.element(publicKey.toUncompressedBytes()))
                .put("next_epoch_public_key",
                        nextEpochPublicKey == null ? null : Json.element(nextEpochPublicKey.toUncompressedBytes()))
                .put("network_public_key", Json.bytes(networkPublicKey))
                .put("metadata", Json.obj().put("id", Json.uid(metadataFieldId)).build()).build();
        return Json.obj().put("id", Json.uid(id)).put("state", Json.variant("Active", Map.of()))
                .put("voting_params", Json.obj().put("storage_price", Json.u64(storagePriceVote))
                        .put("write_price", Json.u64(writePriceVote))
                        .put("node_capacity", Json.u64(nodeCapacityVote)).build())
                .put("node_info", nodeInfo)
                .put("activation_epoch", activationEpoch).put("latest_epoch", latestEpoch)
                .put("wal_balance", Json.u64(walBalance)).put("num_shares", Json.u64(numShares))
                .put("pending_shares_withdraw", pendingSharesWithdraw.json())
                .put("pre_active_withdrawals", preActiveWithdrawals.json())
                .put("pending_commission_rate", pendingCommissionRate.json())
                .put("commission_rate", commissionRate)
                .put("exchange_rates", table(exchangeRatesId, exchangeRates.size()))
                .put("pending_stake", pendingStake.json())
                .put("rewards_pool", Json.balance(rewardsPool)).put("commission", Json.balance(commission))
                .put("commission_receiver", commissionReceiver.json())
                .put("governance_authorized", governanceAuthorized.json())
                .put("extra_fields", table(extraFieldsId, blockedCommission == null ? 0 : 1)).build();
    }

    private static Map<String, Object> table(SuiAddress tableId, long size) {
        return Json.obj().put("id", Json.uid(tableId)).put("size", Json.u64(size)).build();
    }

    /** Length of a string in UTF-8 bytes (Move {@code string::length}). */
    static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Override
    public StakingPool copy() {
        return new StakingPool(this);
    }
}
