package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.List;

/**
 * A member of the current committee as clients need it: identity and contact (from its staking
 * pool), the key the BLS committee holds for it, its weight and its shards.
 *
 * @param index position in the BLS committee (signer bitmap index)
 * @param publicKey the key in the current BLS committee
 * @param networkPublicKey the 33-byte TLS key
 */
public record CommitteeMember(int index, SuiAddress nodeId, String name, String networkAddress,
        BlsPublicKey publicKey, byte[] networkPublicKey, int weight, List<Integer> shards) {

    public CommitteeMember {
        networkPublicKey = networkPublicKey.clone();
        shards = List.copyOf(shards);
    }

    @Override
    public byte[] networkPublicKey() {
        return networkPublicKey.clone();
    }
}
