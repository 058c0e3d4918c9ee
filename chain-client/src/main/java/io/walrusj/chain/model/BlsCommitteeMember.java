package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Move {@code bls_aggregate::BlsCommitteeMember}: {@code public_key: Element<UncompressedG1>
 * ({ bytes: vector<u8> }, 96 bytes on chain), weight: u16 (= number of shards), node_id: ID}.
 * The key length is not enforced here.
 */
public record BlsCommitteeMember(byte[] publicKey, int weight, SuiAddress nodeId) {

    public BlsCommitteeMember {
        publicKey = publicKey.clone();
        Objects.requireNonNull(nodeId, "nodeId");
    }

    public static BlsCommitteeMember read(BcsReader r) {
        return new BlsCommitteeMember(r.bytes(), r.u16(), SuiAddress.read(r));
    }

    public void writeBcs(BcsWriter w) {
        w.bytes(publicKey).u16(weight);
        nodeId.writeBcs(w);
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsCommitteeMember m && m.weight == weight && m.nodeId.equals(nodeId)
                && Arrays.equals(m.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weight, nodeId) * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return "BlsCommitteeMember[nodeId=" + nodeId + ", weight=" + weight + ", publicKey="
                + HexFormat.of().formatHex(publicKey) + "]";
    }
}
