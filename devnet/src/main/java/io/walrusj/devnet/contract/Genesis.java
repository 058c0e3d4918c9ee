package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.SuiAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration a devnet chain starts from. Two genesis states with equal fields are identical.
 *
 * @param nShards number of shards (u16, at least 4: the RS2 encoding needs it)
 * @param epochDurationMs epoch duration; {@code voting_end} is allowed half an epoch after the last
 *     epoch change, {@code initiate_epoch_change} a full epoch after it
 * @param firstEpochStartMs the earliest time epoch 1 may start (and the start of epoch 1 when an
 *     initial committee is given)
 * @param maxEpochsAhead how far ahead storage can be bought (53 on Walrus; at most 1000)
 * @param storagePricePerUnit initial storage price, FROST per MiB of encoded size per epoch; also the
 *     initial committee's storage price vote
 * @param writePricePerUnit initial write price, FROST per MiB of encoded size; also the initial
 *     committee's write price vote
 * @param totalCapacity initial total capacity in encoded bytes
 * @param packageId the Walrus package id used in all type tags
 * @param systemObjectId the id of the shared {@code System} object
 * @param stakingObjectId the id of the shared {@code Staking} object
 * @param fundedAccounts initial WAL balances in FROST
 * @param initialCommittee storage nodes that form the committee of epoch 1; empty: the chain starts
 *     in epoch 0 without a committee (nodes then register, stake and an epoch change selects them)
 * @param faucetEnabled whether {@link Call.Faucet} may mint WAL
 * @param faucetMaxAmount the most FROST one {@link Call.Faucet} may mint (u64; larger amounts abort
 *     with {@link AbortReason#EFaucetAmountTooLarge})
 * @param admin the account that may send the privileged devnet calls ({@link Call.AdvanceEpoch})
 *     besides the chain itself (the system address {@code 0x0}); null: only the chain
 */
public record Genesis(int nShards, long epochDurationMs, long firstEpochStartMs, int maxEpochsAhead,
        long storagePricePerUnit, long writePricePerUnit, long totalCapacity, SuiAddress packageId,
        SuiAddress systemObjectId, SuiAddress stakingObjectId, Map<SuiAddress, Long> fundedAccounts,
        List<GenesisNode> initialCommittee, boolean faucetEnabled, long faucetMaxAmount, SuiAddress admin) {

    /** The default faucet cap: 1,000,000 WAL (10^15 FROST) per call. */
    public static final long DEFAULT_FAUCET_MAX_AMOUNT = 1_000_000_000_000_000L;

    /** Walrus Mainnet's and Testnet's maximum number of epochs ahead. */
    public static final int DEFAULT_MAX_EPOCHS_AHEAD = 53;
    /** Upper bound of {@code maxEpochsAhead} in the contract ({@code MAX_MAX_EPOCHS_AHEAD}). */
    public static final int MAX_MAX_EPOCHS_AHEAD = 1000;

    public Genesis {
        if (nShards < 4 || nShards > 0xFFFF) {
            throw new IllegalArgumentException("n_shards must be in [4, 65535], got " + nShards);
        }
        if (epochDurationMs <= 0) {
            throw new IllegalArgumentException("epoch duration must be > 0 ms, got " + epochDurationMs);
        }
        if (firstEpochStartMs < 0) {
            throw new IllegalArgumentException("first epoch start must be >= 0, got " + firstEpochStartMs);
        }
        if (maxEpochsAhead < 1 || maxEpochsAhead > MAX_MAX_EPOCHS_AHEAD) {
            throw new IllegalArgumentException("max epochs ahead must be in [1, 1000], got " + maxEpochsAhead);
        }
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(systemObjectId, "systemObjectId");
        Objects.requireNonNull(stakingObjectId, "stakingObjectId");
        if (systemObjectId.equals(stakingObjectId)) {
            throw new IllegalArgumentException("system and staking objects need different ids");
        }
        fundedAccounts = java.util.Collections.unmodifiableMap(new TreeMap<>(fundedAccounts));
        initialCommittee = List.copyOf(initialCommittee);
        Set<SuiAddress> ids = new HashSet<>();
        for (GenesisNode node : initialCommittee) {
            if (!ids.add(node.nodeId())) {
                throw new IllegalArgumentException("node id " + node.nodeId() + " appears twice in the initial committee");
            }
            if (node.nodeId().equals(systemObjectId) || node.nodeId().equals(stakingObjectId)) {
                throw new IllegalArgumentException("node id " + node.nodeId() + " collides with a system object id");
            }
        }
    }

    /** A genesis with the default faucet cap and no admin account. */
    public Genesis(int nShards, long epochDurationMs, long firstEpochStartMs, int maxEpochsAhead,
            long storagePricePerUnit, long writePricePerUnit, long totalCapacity, SuiAddress packageId,
            SuiAddress systemObjectId, SuiAddress stakingObjectId, Map<SuiAddress, Long> fundedAccounts,
            List<GenesisNode> initialCommittee, boolean faucetEnabled) {
        this(nShards, epochDurationMs, firstEpochStartMs, maxEpochsAhead, storagePricePerUnit, writePricePerUnit,
                totalCapacity, packageId, systemObjectId, stakingObjectId, fundedAccounts, initialCommittee,
                faucetEnabled, DEFAULT_FAUCET_MAX_AMOUNT, null);
    }

    /** Whether {@code sender} may send privileged devnet calls: the chain itself or the admin account. */
    public boolean isPrivileged(SuiAddress sender) {
        return sender.equals(io.walrusj.chain.devnet.DevnetTransaction.SYSTEM) || sender.equals(admin);
    }

    /** Whether the chain starts in epoch 1 with {@link #initialCommittee()}. */
    public boolean hasInitialCommittee() {
        return !initialCommittee.isEmpty();
    }
}
