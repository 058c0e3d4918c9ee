package io.walrusj.devnet.config;

import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import io.walrusj.devnet.contract.Genesis;
import io.walrusj.devnet.contract.GenesisNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the {@code devnet.genesis} settings into the contract's {@link Genesis}. Ids that a real
 * deployment would get from publishing (package, System, Staking, node pools) are derived from fixed
 * labels, so the same settings always give the same chain.
 */
public final class GenesisFactory {
    private GenesisFactory() {}

    public static Genesis create(DevnetProperties.Genesis settings, long createdMs) {
        Map<SuiAddress, Long> funded = new TreeMap<>();
        settings.fundedAccounts().forEach((address, amount) -> funded.put(SuiAddress.parseLenient(address), amount));
        List<GenesisNode> nodes = new ArrayList<>();
        for (int i = 0; i < settings.committee().size(); i++) {
            DevnetProperties.Node node = settings.committee().get(i);
            nodes.add(new GenesisNode(derivedId("node:" + i + ":" + node.name()), node.name(), node.networkAddress(),
                    BlsPublicKey.fromBase64(node.blsPublicKey()), SuiAddress.parseLenient(node.operator()), node.stake()));
        }
        return new Genesis(settings.nShards(), settings.epochDuration().toMillis(), createdMs, settings.maxEpochsAhead(),
                settings.storagePricePerUnit(), settings.writePricePerUnit(), settings.totalCapacity(), packageId(),
                derivedId("system"), derivedId("staking"), funded, nodes, settings.faucetEnabled(),
                settings.faucetMaxAmount() == null ? Genesis.DEFAULT_FAUCET_MAX_AMOUNT : settings.faucetMaxAmount(),
                settings.admin() == null || settings.admin().isBlank() ? null : SuiAddress.parseLenient(settings.admin()));
    }

    /** The Walrus package id of every devnet; event and object types carry it. */
    public static SuiAddress packageId() {
        return derivedId("package");
    }

    private static SuiAddress derivedId(String label) {
        return SuiAddress.of(Blake2b256.hash(("walrusj-devnet:" + label).getBytes(StandardCharsets.UTF_8)));
    }
}
