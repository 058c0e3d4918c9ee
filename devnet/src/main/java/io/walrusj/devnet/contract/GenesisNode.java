package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * A storage node of the initial committee. Genesis registers it (no proof of possession needed),
 * stakes {@code stake} FROST with it on behalf of the operator (minted, not taken from a balance),
 * and runs the first epoch change, so the devnet starts in epoch 1 with a committee.
 *
 * @param nodeId the node id (= the staking pool's object id)
 * @param name node name (at most 100 bytes)
 * @param networkAddress {@code host:port} of the storage node API (at most 259 bytes)
 * @param publicKey the BLS protocol key
 * @param networkPublicKey the 33-byte compressed secp256r1 TLS key
 * @param operator receives the {@code StorageNodeCap} and the {@code StakedWal}
 * @param stake FROST staked with the node, at least 1 WAL (10^9 FROST)
 */
public record GenesisNode(SuiAddress nodeId, String name, String networkAddress, BlsPublicKey publicKey,
        byte[] networkPublicKey, SuiAddress operator, long stake) {

    /** Length of a compressed secp256r1 public key. */
    public static final int NETWORK_PUBLIC_KEY_LENGTH = 33;

    public GenesisNode {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(networkAddress, "networkAddress");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(operator, "operator");
        if (networkPublicKey.length != NETWORK_PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("a network public key has 33 bytes, got " + networkPublicKey.length);
        }
        networkPublicKey = networkPublicKey.clone();
        if (Long.compareUnsigned(stake, StakingPool.MIN_STAKE) < 0) {
            throw new IllegalArgumentException("a genesis stake must be at least 1 WAL, got " + Long.toUnsignedString(stake));
        }
    }

    /** A node with a placeholder network public key ({@code 0x02} followed by 32 zero bytes). */
    public GenesisNode(SuiAddress nodeId, String name, String networkAddress, BlsPublicKey publicKey,
            SuiAddress operator, long stake) {
        this(nodeId, name, networkAddress, publicKey, placeholderNetworkKey(), operator, stake);
    }

    @Override
    public byte[] networkPublicKey() {
        return networkPublicKey.clone();
    }

    private static byte[] placeholderNetworkKey() {
        byte[] key = new byte[NETWORK_PUBLIC_KEY_LENGTH];
        key[0] = 0x02;
        return key;
    }
}
