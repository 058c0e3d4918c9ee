package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Move {@code bls_aggregate::BlsCommittee} ({@code docs/spec/walrus-chain.md} 2.1): {@code members:
 * vector<BlsCommitteeMember>, n_shards: u16, epoch: u32, total_aggregated_key: Element<G1>}.
 * {@link #epoch()} of the committee in {@code SystemStateInnerV1} is <b>the current epoch</b>.
 * Members are sorted by node ID; certificate signer bitmaps index into this order.
 */
public record BlsCommittee(List<BlsCommitteeMember> members, int nShards, long epoch, byte[] totalAggregatedKey) {

    public BlsCommittee {
        members = List.copyOf(members);
        totalAggregatedKey = totalAggregatedKey.clone();
    }

    public static BlsCommittee read(BcsReader r) {
        return new BlsCommittee(r.sequence(BlsCommitteeMember::read), r.u16(), r.u32(), r.bytes());
    }

    public void writeBcs(BcsWriter w) {
        w.sequence(members, (ww, m) -> m.writeBcs(ww));
        w.u16(nShards).u32(epoch).bytes(totalAggregatedKey);
    }

    @Override
    public byte[] totalAggregatedKey() {
        return totalAggregatedKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsCommittee c && c.nShards == nShards && c.epoch == epoch && c.members.equals(members)
                && Arrays.equals(c.totalAggregatedKey, totalAggregatedKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(members, nShards, epoch) * 31 + Arrays.hashCode(totalAggregatedKey);
    }

    @Override
    public String toString() {
        return "BlsCommittee[epoch=" + epoch + ", nShards=" + nShards + ", members=" + members
                + ", totalAggregatedKey=" + HexFormat.of().formatHex(totalAggregatedKey) + "]";
    }
}
