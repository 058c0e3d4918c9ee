package io.walrusj.indexer.follow;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.indexer.IndexerProperties;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Turns {@code indexer.network} into a {@link WalrusNetwork}: the {@code mainnet} and
 * {@code testnet} presets, or {@code custom} from {@code indexer.package-id},
 * {@code system-object-id} and {@code staking-object-id}; IDs left empty are asked from the
 * devnet ({@code devnet_getChainInfo}), which is what a local run against the devnet needs.
 */
public final class NetworkResolver {

    private NetworkResolver() {
    }

    public static WalrusNetwork resolve(IndexerProperties p, SuiRpcClient rpc) {
        String name = p.network() == null ? "custom" : p.network().trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "mainnet" -> WalrusNetwork.MAINNET;
            case "testnet" -> WalrusNetwork.TESTNET;
            case "custom", "devnet" -> custom(p, rpc);
            default -> throw new IllegalArgumentException(
                    "indexer.network must be mainnet, testnet or custom, got '" + p.network() + "'");
        };
    }

    private static WalrusNetwork custom(IndexerProperties p, SuiRpcClient rpc) {
        String pkg = p.packageId();
        String system = p.systemObjectId();
        String staking = p.stakingObjectId();
        if (blank(pkg) || blank(system) || blank(staking)) {
            JsonNode info = rpc.call("devnet_getChainInfo", Json.NODES.arrayNode());
            pkg = blank(pkg) ? info.path("packageId").asString() : pkg;
            system = blank(system) ? info.path("systemObjectId").asString() : system;
            staking = blank(staking) ? info.path("stakingObjectId").asString() : staking;
        }
        return WalrusNetwork.custom("custom", SuiAddress.parseLenient(pkg), SuiAddress.parseLenient(system),
                SuiAddress.parseLenient(staking));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
