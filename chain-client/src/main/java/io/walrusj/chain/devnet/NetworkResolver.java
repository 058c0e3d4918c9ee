package io.walrusj.chain.devnet;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Which Walrus network a service follows, from its configuration: the {@code mainnet} or
 * {@code testnet} preset, or custom package, System and Staking object IDs. IDs left empty are
 * asked from the devnet ({@code devnet_getChainInfo}), which is all a local run needs to configure.
 * Every service resolves its network here, so they agree on what an empty setting means; IDs may
 * be given in part (the others come from the devnet).
 */
public final class NetworkResolver {
    private NetworkResolver() {}

    /**
     * @param preset {@code mainnet}, {@code testnet}, or {@code custom}/{@code devnet}/empty for the IDs
     * @throws IllegalArgumentException for an unknown preset or a malformed ID
     */
    public static WalrusNetwork resolve(String preset, String packageId, String systemObjectId, String stakingObjectId,
            SuiRpcClient rpc) {
        String name = preset == null || preset.isBlank() ? "custom" : preset.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "mainnet" -> WalrusNetwork.MAINNET;
            case "testnet" -> WalrusNetwork.TESTNET;
            case "custom", "devnet" -> custom(packageId, systemObjectId, stakingObjectId, rpc);
            default -> throw new IllegalArgumentException("the network must be mainnet, testnet or custom, got '" + preset + "'");
        };
    }

    private static SuiAddress configured(String id) {
        try {
            return SuiAddress.parseLenient(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed object ID '" + id + "': " + e.getMessage(), e);
        }
    }

    private static WalrusNetwork custom(String packageId, String systemObjectId, String stakingObjectId, SuiRpcClient rpc) {
        if (!blank(packageId) && !blank(systemObjectId) && !blank(stakingObjectId)) {
            return WalrusNetwork.custom("configured", configured(packageId),
                    configured(systemObjectId), configured(stakingObjectId));
        }
        // only the three IDs: a network that answers devnet_getChainInfo needs nothing more here
        String method = "devnet_getChainInfo";
        JsonNode info = rpc.call(method, Json.NODES.arrayNode());
        return WalrusNetwork.custom("devnet",
                blank(packageId) ? id(method, info, "packageId") : configured(packageId),
                blank(systemObjectId) ? id(method, info, "systemObjectId") : configured(systemObjectId),
                blank(stakingObjectId) ? id(method, info, "stakingObjectId") : configured(stakingObjectId));
    }

    private static SuiAddress id(String method, JsonNode info, String name) {
        return Json.objectId(method, Json.required(method, info, "result", name), "result." + name);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
