package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.BlsCommitteeMember;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Move {@code bls_aggregate::BlsCommittee}: members (sorted by node id; certificate bitmaps index
 * this order) with 96-byte uncompressed keys, {@code n_shards} = sum of weights, the epoch (the
 * current epoch of the system) and the total aggregated key (48-byte compressed G1). Immutable; the
 * walrus-core verifier and the aggregated key are computed once on first use.
 */
final class BlsCommitteeState {
    /** Compressed G1 identity: the total key of an empty committee. */
    private static final byte[] G1_IDENTITY = identity();

    record Member(SuiAddress nodeId, BlsPublicKey publicKey, int weight) {
        Member {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(publicKey, "publicKey");
        }
    }

    private final List<Member> members;
    private final int nShards;
    private final long epoch;
    private BlsCommittee verifier;
    private byte[] totalKey;

    BlsCommitteeState(long epoch, List<Member> members) {
        this.epoch = epoch;
        this.members = List.copyOf(members);
        int total = 0;
        for (Member m : this.members) {
            if (m.weight() <= 0) {
                throw new ContractException(AbortReason.EIncorrectCommittee, "committee member with weight 0");
            }
            total += m.weight();
        }
        if (total > 0xFFFF) {
            throw new ContractException(AbortReason.EArithmeticError, "n_shards exceeds u16: " + total);
        }
        this.nShards = total;
    }

    static BlsCommitteeState empty(long epoch) {
        return new BlsCommitteeState(epoch, List.of());
    }

    long epoch() {
        return epoch;
    }

    int nShards() {
        return nShards;
    }

    List<Member> members() {
        return members;
    }

    /** walrus-core's verifier for this committee (same member order, same weights). */
    BlsCommittee verifier() {
        if (verifier == null) {
            List<BlsCommitteeMember> core = new ArrayList<>(members.size());
            for (Member m : members) {
                core.add(new BlsCommitteeMember(m.publicKey(), m.weight()));
            }
            verifier = new BlsCommittee(epoch, core);
        }
        return verifier;
    }

    byte[] totalAggregatedKey() {
        if (totalKey == null) {
            totalKey = members.isEmpty() ? G1_IDENTITY.clone()
                    : BlsPublicKey.aggregate(members.stream().map(Member::publicKey).toList()).toBytes();
        }
        return totalKey.clone();
    }

    void writeBcs(BcsWriter w) {
        w.sequence(members, (ww, m) -> ww.bytes(m.publicKey().toUncompressedBytes()).u16(m.weight())
                .fixedBytes(m.nodeId().bytes()));
        w.u16(nShards).u32(epoch).bytes(totalAggregatedKey());
    }

    Map<String, Object> json() {
        List<Object> ms = new ArrayList<>();
        for (Member m : members) {
            ms.add(Json.obj().put("public_key", Json.element(m.publicKey().toUncompressedBytes()))
                    .put("weight", m.weight()).put("node_id", Json.id(m.nodeId())).build());
        }
        return Json.obj().put("members", List.copyOf(ms)).put("n_shards", nShards).put("epoch", epoch)
                .put("total_aggregated_key", Json.element(totalAggregatedKey())).build();
    }

    private static byte[] identity() {
        byte[] b = new byte[48];
        b[0] = (byte) 0xc0;
        return b;
    }
}
