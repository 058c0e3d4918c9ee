package io.walrusj.chain.devnet;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.rpc.SuiRpcClient;

/**
 * Deprecated: the network is resolved by {@link WalrusNetwork#resolve} (and
 * {@code Chain.network()}); this delegates there until the services have switched.
 */
@Deprecated(forRemoval = true)
public final class NetworkResolver {
    private NetworkResolver() {}

    /**
     * @param preset {@code mainnet}, {@code testnet}, or {@code custom}/{@code devnet}/empty for the IDs
     * @throws IllegalArgumentException for an unknown preset or a malformed ID
     */
    public static WalrusNetwork resolve(String preset, String packageId, String systemObjectId, String stakingObjectId,
            SuiRpcClient rpc) {
        return WalrusNetwork.resolve(preset, packageId, systemObjectId, stakingObjectId, () -> rpc);
    }
}
