package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Move {@code staking_inner::StakingInnerV1}. The pools are separate ledger objects (the
 * {@code ObjectTable} appears as its id and size); the active set and the next epoch's public keys
 * live behind {@code ExtendedField}s on chain and are kept here as plain fields (only the field ids
 * are in the BCS). Mutable; {@link #copy()} is deep.
 */
final class StakingInner implements MoveValue {

    /** One entry of {@code next_epoch_public_keys: VecMap<ID, Element<UncompressedG1>>}. */
    record NodeKey(SuiAddress nodeId, BlsPublicKey publicKey) {}

    final int nShards;
    final long epochDuration;
    final long firstEpochStart;
    final SuiAddress poolsTableId;
    long poolCount;
    long epoch;
    final SuiAddress activeSetFieldId;
    final ActiveSet activeSet;
    ShardCommittee nextCommittee;
    ShardCommittee committee;
    ShardCommittee previousCommittee;
    EpochParams nextEpochParams;
    EpochState epochState;
    final SuiAddress nextEpochPublicKeysFieldId;
    List<NodeKey> nextEpochPublicKeys;

    StakingInner(int nShards, long epochDuration, long firstEpochStart, SuiAddress poolsTableId, long poolCount,
            long epoch, SuiAddress activeSetFieldId, ActiveSet activeSet, ShardCommittee nextCommittee,
            ShardCommittee committee, ShardCommittee previousCommittee, EpochParams nextEpochParams,
            EpochState epochState, SuiAddress nextEpochPublicKeysFieldId, List<NodeKey> nextEpochPublicKeys) {
        this.nShards = nShards;
        this.epochDuration = epochDuration;
        this.firstEpochStart = firstEpochStart;
        this.poolsTableId = poolsTableId;
        this.poolCount = poolCount;
        this.epoch = epoch;
        this.activeSetFieldId = activeSetFieldId;
        this.activeSet = activeSet;
        this.nextCommittee = nextCommittee;
        this.committee = committee;
        this.previousCommittee = previousCommittee;
        this.nextEpochParams = nextEpochParams;
        this.epochState = epochState;
        this.nextEpochPublicKeysFieldId = nextEpochPublicKeysFieldId;
        this.nextEpochPublicKeys = List.copyOf(nextEpochPublicKeys);
    }

    /** Whether the committee of the next epoch has been selected ({@code committee_selected}). */
    boolean committeeSelected() {
        return nextCommittee != null;
    }

    /** {@code is_quorum}: {@code 3 * weight >= 2 * n_shards + 1}. */
    boolean isQuorum(long weight) {
        return 3 * weight >= 2L * nShards + 1;
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("staking_inner", "StakingInnerV1");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.u16(nShards).u64(epochDuration).u64(firstEpochStart);
        w.fixedBytes(poolsTableId.bytes()).u64(poolCount);
        w.u32(epoch);
        w.fixedBytes(activeSetFieldId.bytes());
        w.option(nextCommittee, (ww, c) -> c.writeBcs(ww));
        committee.writeBcs(w);
        previousCommittee.writeBcs(w);
        w.option(nextEpochParams, (ww, p) -> p.writeBcs(ww));
        writeEpochState(w, epochState);
        w.fixedBytes(nextEpochPublicKeysFieldId.bytes());
    }

    static void writeEpochState(BcsWriter w, EpochState state) {
        w.variant(state.variant());
        switch (state) {
            case EpochState.EpochChangeSync s -> w.u16(s.weight());
            case EpochState.EpochChangeDone d -> w.u64(d.timestampMs());
            case EpochState.NextParamsSelected n -> w.u64(n.timestampMs());
        }
    }

    static Map<String, Object> epochStateJson(EpochState state) {
        return switch (state) {
            case EpochState.EpochChangeSync s ->
                Json.variant("EpochChangeSync", Json.obj().put("pos0", s.weight()).build());
            case EpochState.EpochChangeDone d ->
                Json.variant("EpochChangeDone", Json.obj().put("pos0", Json.u64(d.timestampMs())).build());
            case EpochState.NextParamsSelected n ->
                Json.variant("NextParamsSelected", Json.obj().put("pos0", Json.u64(n.timestampMs())).build());
        };
    }

    @Override
    public Map<String, Object> json() {
        return Json.obj().put("n_shards", nShards).put("epoch_duration", Json.u64(epochDuration))
                .put("first_epoch_start", Json.u64(firstEpochStart))
                .put("pools", Json.obj().put("id", Json.uid(poolsTableId)).put("size", Json.u64(poolCount)).build())
                .put("epoch", epoch)
                .put("active_set", Json.obj().put("id", Json.uid(activeSetFieldId)).build())
                .put("next_committee", nextCommittee == null ? null : nextCommittee.json())
                .put("committee", committee.json())
                .put("previous_committee", previousCommittee.json())
                .put("next_epoch_params", nextEpochParams == null ? null : nextEpochParams.json())
                .put("epoch_state", epochStateJson(epochState))
                .put("next_epoch_public_keys", Json.obj().put("id", Json.uid(nextEpochPublicKeysFieldId)).build())
                .build();
    }

    @Override
    public StakingInner copy() {
        return new StakingInner(nShards, epochDuration, firstEpochStart, poolsTableId, poolCount, epoch,
                activeSetFieldId, activeSet.copy(), nextCommittee, committee, previousCommittee, nextEpochParams,
                epochState, nextEpochPublicKeysFieldId, new ArrayList<>(nextEpochPublicKeys));
    }
}
