package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Move {@code staking_inner::StakingInnerV1} ({@code docs/spec/walrus-chain.md} 2.2), read completely:
 * {@code n_shards: u16, epoch_duration: u64 (ms), first_epoch_start: u64, pools:
 * ObjectTable<ID, StakingPool> ({ id: UID, size: u64 }), epoch: u32, active_set:
 * ExtendedField<ActiveSet> ({ id: UID }), next_committee: Option<Committee>, committee:
 * Committee, previous_committee: Committee, next_epoch_params: Option<EpochParams>,
 * epoch_state: EpochState, next_epoch_public_keys: ExtendedField<..> ({ id: UID })}.
 *
 * <p>A struct's layout can never change across Move package upgrades (a new layout means a new
 * {@code StakingInnerV2} under a new version key), so the whole struct is read strictly.
 */
public record StakingInnerV1(
        int nShards,
        long epochDurationMs,
        long firstEpochStartMs,
        SuiAddress poolsTableId,
        long poolCount,
        long epoch,
        SuiAddress activeSetFieldId,
        Optional<Committee> nextCommittee,
        Committee committee,
        Committee previousCommittee,
        Optional<EpochParams> nextEpochParams,
        EpochState epochState,
        SuiAddress nextEpochPublicKeysFieldId) {

    public StakingInnerV1 {
        Objects.requireNonNull(poolsTableId, "poolsTableId");
        Objects.requireNonNull(activeSetFieldId, "activeSetFieldId");
        Objects.requireNonNull(nextCommittee, "nextCommittee");
        Objects.requireNonNull(committee, "committee");
        Objects.requireNonNull(previousCommittee, "previousCommittee");
        Objects.requireNonNull(nextEpochParams, "nextEpochParams");
        Objects.requireNonNull(epochState, "epochState");
        Objects.requireNonNull(nextEpochPublicKeysFieldId, "nextEpochPublicKeysFieldId");
    }

    public static StakingInnerV1 read(BcsReader r) {
        int nShards = r.u16();
        long duration = r.u64();
        long firstStart = r.u64();
        SuiAddress pools = SuiAddress.read(r);
        long poolCount = r.u64();
        long epoch = r.u32();
        SuiAddress activeSet = SuiAddress.read(r);
        Optional<Committee> next = r.option(Committee::read);
        Committee committee = Committee.read(r);
        Committee previous = Committee.read(r);
        Optional<EpochParams> params = r.option(EpochParams::read);
        EpochState state = EpochState.read(r);
        SuiAddress keys = SuiAddress.read(r);
        return new StakingInnerV1(nShards, duration, firstStart, pools, poolCount, epoch, activeSet, next,
                committee, previous, params, state, keys);
    }

    /** Decodes the BCS of the dynamic field object {@code Field<u64, StakingInnerV1>} stored under {@code version}. */
    public static StakingInnerV1 fromFieldBcs(byte[] fieldBcs, long version) {
        return MoveObjects.decodeU64Field("StakingInnerV1 field", fieldBcs, version, StakingInnerV1::read, true);
    }

    public void writeBcs(BcsWriter w) {
        w.u16(nShards).u64(epochDurationMs).u64(firstEpochStartMs);
        poolsTableId.writeBcs(w);
        w.u64(poolCount).u32(epoch);
        activeSetFieldId.writeBcs(w);
        w.option(nextCommittee.orElse(null), (ww, c) -> c.writeBcs(ww));
        committee.writeBcs(w);
        previousCommittee.writeBcs(w);
        w.option(nextEpochParams.orElse(null), (ww, p) -> p.writeBcs(ww));
        EpochState.write(w, epochState);
        nextEpochPublicKeysFieldId.writeBcs(w);
    }
}
