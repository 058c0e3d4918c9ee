package io.walrusj.chain;

import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The one way a service gets its chain: {@code Chains.open(settings)} -> {@link Chain} (reader,
 * follower, writer, one retry policy). Also the one place that resolves which Walrus network the
 * settings mean ({@link #resolveNetwork}).
 */
public final class Chains {

    private Chains() {
    }

    /** Opens the clients the settings ask for; nothing is read from the network yet. */
    public static Chain open(ChainSettings settings) {
        return new Chain(settings);
    }

    /**
     * {@code mainnet} / {@code testnet}: the presets; {@code devnet} / {@code custom}: the three
     * configured ids, any blank one asked from the devnet ({@code devnet_getChainInfo} through
     * {@code devnet}, called only then).
     *
     * @throws IllegalArgumentException for an unknown network name or a malformed id
     */
    public static WalrusNetwork resolveNetwork(String network, String packageId, String systemObjectId,
            String stakingObjectId, java.util.function.Supplier<SuiRpcClient> devnet) {
        String name = network == null || network.isBlank() ? "custom" : network.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "mainnet" -> WalrusNetwork.MAINNET;
            case "testnet" -> WalrusNetwork.TESTNET;
            case "custom", "devnet" -> custom(packageId, systemObjectId, stakingObjectId, devnet);
            default -> throw new IllegalArgumentException(
                    "the network must be mainnet, testnet, devnet or custom, got '" + network + "'");
        };
    }

    private static WalrusNetwork custom(String packageId, String systemObjectId, String stakingObjectId,
            java.util.function.Supplier<SuiRpcClient> devnet) {
        if (!blank(packageId) && !blank(systemObjectId) && !blank(stakingObjectId)) {
            return WalrusNetwork.custom("configured", configured(packageId), configured(systemObjectId),
                    configured(stakingObjectId));
        }
        String method = "devnet_getChainInfo";
        JsonNode info = devnet.get().call(method, Json.NODES.arrayNode());
        return WalrusNetwork.custom("devnet",
                blank(packageId) ? id(method, info, "packageId") : configured(packageId),
                blank(systemObjectId) ? id(method, info, "systemObjectId") : configured(systemObjectId),
                blank(stakingObjectId) ? id(method, info, "stakingObjectId") : configured(stakingObjectId));
    }

    private static SuiAddress configured(String id) {
        try {
            return SuiAddress.parseLenient(id);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed object ID '" + id + "': " + e.getMessage(), e);
        }
    }

    private static SuiAddress id(String method, JsonNode info, String name) {
        return Json.objectId(method, Json.required(method, info, "result", name), "result." + name);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
