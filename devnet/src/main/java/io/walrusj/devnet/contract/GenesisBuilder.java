package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the genesis ledger in one transaction (version 1 for every object): the System and
 * Staking shared objects with their inner states, the funded balances and, for an initial
 * committee, the nodes' pools, caps and stakes followed by the regular epoch change into epoch 1
 * (clock ignored, all nodes report sync done), so the state is exactly what the contract would
 * reach. The genesis digest is {@code Blake2b-256("walrus-devnet-genesis" || system id || staking id)}.
 */
final class GenesisBuilder {
    /** The sender of the genesis transaction (Sui's 0x0 system address). */
    static final SuiAddress GENESIS_SENDER = SuiAddress.of(new byte[32]);

    private GenesisBuilder() {}

    static Receipt build(ObjectStore store, ChainContext chain) {
        Genesis g = chain.genesis();
        Tx tx = new Tx(store, new TxContext(GENESIS_SENDER, digest(g), g.firstEpochStartMs()), chain);
        Owner.Shared shared = new Owner.Shared(1);

        tx.create(RootObject.system(chain.systemId(), g.packageId()), shared);
        SystemInner system = new SystemInner(BlsCommitteeState.empty(0), g.totalCapacity(), 0,
                g.storagePricePerUnit(), g.writePricePerUnit(), AccountingRing.create(g.maxEpochsAhead()), tx.newId());
        tx.create(DynamicFieldObject.u64Name(chain.systemId(), RootObject.CONTRACT_VERSION, system),
                new Owner.ObjectOwner(chain.systemId()));

        tx.create(RootObject.staking(chain.stakingId(), g.packageId()), shared);
        StakingInner staking = new StakingInner(g.nShards(), g.epochDurationMs(), g.firstEpochStartMs(), tx.newId(), 0,
                0, tx.newId(), ActiveSet.create(), null, ShardCommittee.empty(), ShardCommittee.empty(), null,
                new EpochState.EpochChangeDone(g.firstEpochStartMs()), tx.newId(), List.of());
        tx.create(DynamicFieldObject.u64Name(chain.stakingId(), RootObject.CONTRACT_VERSION, staking),
                new Owner.ObjectOwner(chain.stakingId()));

        for (Map.Entry<SuiAddress, Long> account : g.fundedAccounts().entrySet()) {
            tx.mint(account.getKey(), account.getValue());
        }
        if (g.hasInitialCommittee()) {
            startFirstCommittee(tx, g);
        }
        return tx.commit();
    }

    private static void startFirstCommittee(Tx tx, Genesis g) {
        StakingInner staking = tx.stakingMut();
        // The same apportionment voting_end will compute (same stakes, same active-set order) tells each
        // node's share, so its capacity vote can be its share of the genesis capacity, rounded up:
        // the selection (vote * n / shards) then keeps the total or exceeds it by a few bytes.
        List<ActiveSet.Entry> stakes = new ArrayList<>();
        for (GenesisNode node : g.initialCommittee()) {
            stakes.add(new ActiveSet.Entry(node.nodeId(), node.stake()));
        }
        Map<SuiAddress, Integer> shards = new HashMap<>();
        for (Apportionment.Assignment a : Apportionment.apportion(stakes, g.nShards())) {
            shards.put(a.nodeId(), a.shards());
        }
        BigInteger n = BigInteger.valueOf(g.nShards());
        for (GenesisNode node : g.initialCommittee()) {
            BigInteger scaled = U64.big(g.totalCapacity()).multiply(BigInteger.valueOf(shards.getOrDefault(node.nodeId(), 0)));
            long capacityVote = U64.fromBig(scaled.add(n).subtract(BigInteger.ONE).divide(n).min(U64.big(U64.MAX)));
            StakingOps.createPool(tx, staking, node.nodeId(), node.operator(), node.name(), node.networkAddress(),
                    node.publicKey(), node.networkPublicKey(), 0, g.storagePricePerUnit(), g.writePricePerUnit(),
                    capacityVote);
            tx.mint(node.operator(), node.stake());
            tx.debit(node.operator(), node.stake());
            StakingOps.stake(tx, staking, node.nodeId(), node.stake(), node.operator());
        }
        EpochOps.votingEnd(tx, true);
        EpochOps.initiateEpochChange(tx, true);
        EpochOps.syncRemaining(tx);
        // epoch 1 runs with exactly the genesis capacity
        tx.systemMut().totalCapacitySize = g.totalCapacity();
    }

    static byte[] digest(Genesis g) {
        byte[] tag = "walrus-devnet-genesis".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] input = new byte[tag.length + 64];
        System.arraycopy(tag, 0, input, 0, tag.length);
        System.arraycopy(g.systemObjectId().bytes(), 0, input, tag.length, 32);
        System.arraycopy(g.stakingObjectId().bytes(), 0, input, tag.length + 32, 32);
        return Blake2b256.hash(input);
    }
}
