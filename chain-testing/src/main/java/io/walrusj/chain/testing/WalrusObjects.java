package io.walrusj.chain.testing;

import io.walrusj.chain.DynamicFieldIds;
import io.walrusj.chain.ObjectSource;
import io.walrusj.chain.model.BlsCommittee;
import io.walrusj.chain.model.BlsCommitteeMember;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.EpochState;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Walrus {@code System} and {@code Staking} objects of the fake chain, laid out as on Sui: each
 * a shared object {@code {id, version, package_id, new_package_id}} whose inner state is the dynamic
 * field {@code Field<u64, SystemStateInnerV1>} / {@code Field<u64, StakingInnerV1>} named by
 * {@code version}, at the id Sui derives for it ({@link DynamicFieldIds}). Rewritten from the high-level state (committee,
 * shards, keys) on every change unless a test set the inner state itself.
 */
final class WalrusObjects {

    /** The version of the inner states (the dynamic field name). */
    static final long INNER_VERSION = 1;

    private final ChainModel model;
    private final SuiAddress pkg;
    private final SuiAddress system;
    private final SuiAddress staking;
    private boolean published;
    private int nShards;
    private Map<SuiAddress, List<Integer>> shards = Map.of();
    private Map<SuiAddress, List<Integer>> previousShards = Map.of();
    private final Map<SuiAddress, BlsPublicKey> protocolKeys = new LinkedHashMap<>();
    private SystemStateInnerV1 systemOverride;
    private StakingInnerV1 stakingOverride;

    WalrusObjects(ChainModel model, SuiAddress pkg, SuiAddress system, SuiAddress staking) {
        this.model = model;
        this.pkg = pkg;
        this.system = system;
        this.staking = staking;
    }

    synchronized boolean published() {
        return published;
    }

    synchronized int nShards() {
        return nShards;
    }

    synchronized void publish(int nShards, Map<SuiAddress, List<Integer>> shards) {
        this.published = true;
        this.nShards = nShards;
        this.shards = new LinkedHashMap<>(shards);
        write();
    }

    synchronized void committee(Map<SuiAddress, List<Integer>> shards) {
        this.shards = new LinkedHashMap<>(shards);
        write();
    }

    synchronized Map<SuiAddress, List<Integer>> committee() {
        return shards;
    }

    synchronized void previousCommittee(Map<SuiAddress, List<Integer>> shards) {
        this.previousShards = new LinkedHashMap<>(shards);
        write();
    }

    synchronized void protocolKey(SuiAddress node, BlsPublicKey key) {
        protocolKeys.put(node, key);
        write();
    }

    synchronized void systemState(SystemStateInnerV1 state) {
        this.systemOverride = state;
        this.published = true;
        write();
    }

    synchronized void stakingState(StakingInnerV1 state) {
        this.stakingOverride = state;
        this.published = true;
        write();
    }

    /** Writes both objects and their inner fields from the current state (nothing before {@link #publish}). */
    synchronized void write() {
        if (!published) {
            return;
        }
        long epoch = model.epoch();
        model.put(system, pkg + "::system::System", new Owner.Shared(1),
                BcsWriter.encode(w -> new WalrusSharedObject(system, INNER_VERSION, pkg, Optional.empty()).writeBcs(w)));
        model.put(staking, pkg + "::staking::Staking", new Owner.Shared(1),
                BcsWriter.encode(w -> new WalrusSharedObject(staking, INNER_VERSION, pkg, Optional.empty()).writeBcs(w)));
        SystemStateInnerV1 sys = systemOverride != null ? systemOverride : systemState(epoch);
        StakingInnerV1 stk = stakingOverride != null ? stakingOverride : stakingState(epoch);
        innerField(system, pkg + "::system_state_inner::SystemStateInnerV1", BcsWriter.encode(sys::writePrefix));
        innerField(staking, pkg + "::staking_inner::StakingInnerV1", BcsWriter.encode(stk::writeBcs));
    }

    private SystemStateInnerV1 systemState(long epoch) {
        List<BlsCommitteeMember> members = new ArrayList<>();
        shards.forEach((node, s) -> members.add(new BlsCommitteeMember(protocolKeys.containsKey(node)
                ? protocolKeys.get(node).toUncompressedBytes() : new byte[96], s.size(), node)));
        return new SystemStateInnerV1(new BlsCommittee(members, nShards, epoch, new byte[48]), 1L << 40, 0, 1, 1);
    }

    private StakingInnerV1 stakingState(long epoch) {
        return new StakingInnerV1(nShards, 3_600_000L, Protos.TIMESTAMP_MS, FakeSuiChain.addr(0x71), shards.size(), epoch,
                FakeSuiChain.addr(0x72), Optional.empty(), new Committee(shards), new Committee(previousShards),
                Optional.empty(), new EpochState.EpochChangeDone(Protos.TIMESTAMP_MS), FakeSuiChain.addr(0x73));
    }

    private void innerField(SuiAddress parent, String valueType, byte[] value) {
        ObjectSource.FieldName name = ObjectSource.FieldName.u64(INNER_VERSION);
        model.putField(parent, DynamicFieldIds.derive(parent, name), name.type(), name.bcs(), valueType, value);
    }
}
