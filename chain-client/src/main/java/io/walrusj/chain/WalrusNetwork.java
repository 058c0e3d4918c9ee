package io.walrusj.chain;

import io.walrusj.chain.rpc.EventFilter;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Where the Walrus contracts live on a given Sui network.
 *
 * <p>Values for {@link #MAINNET} and {@link #TESTNET} are copied from {@code docs/spec/walrus-chain.md}
 * section 1 (object IDs from Walrus' {@code setup/client_config.yaml}, package IDs from
 * {@code mainnet-contracts/walrus/Published.toml} and its testnet twin).
 *
 * @param name a label for logs
 * @param originalPackageId the ID of the first published version of the {@code walrus} package;
 *     Move types defined in that version (all events but those added by upgrades) carry this ID
 * @param latestPackageId the latest published version (the one to call), if known
 * @param systemObjectId the shared {@code System} object
 * @param stakingObjectId the shared {@code Staking} object
 * @param additionalEventPackageIds further "defining" package IDs whose {@code events} module the
 *     event decoder accepts. Sui names a type introduced by a package <em>upgrade</em> after the
 *     package version that first defined it, not after the original ID (see the README, "Event
 *     types added by upgrades"); list those versions here when you follow them. Empty for the
 *     presets.
 */
public record WalrusNetwork(
        String name,
        SuiAddress originalPackageId,
        Optional<SuiAddress> latestPackageId,
        SuiAddress systemObjectId,
        SuiAddress stakingObjectId,
        Set<SuiAddress> additionalEventPackageIds) {

    /** Walrus Mainnet (package VERSION 3 deployed). */
    public static final WalrusNetwork MAINNET = new WalrusNetwork(
            "mainnet",
            SuiAddress.parse("0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77"),
            Optional.of(SuiAddress.parse("0x98da433aa0139512c210597b1c5e3df6cd121d8d77f8652691bb66fadfc8aa1b")),
            SuiAddress.parse("0x2134d52768ea07e8c43570ef975eb3e4c27a39fa6396bef985b5abc58d03ddd2"),
            SuiAddress.parse("0x10b9d30c28448939ce6c4d6c6e0ffce4a7f8a4ada8248bdad09ef8b70e4a3904"),
            Set.of());

    /** Walrus Testnet. */
    public static final WalrusNetwork TESTNET = new WalrusNetwork(
            "testnet",
            SuiAddress.parse("0xd84704c17fc870b8764832c535aa6b11f21a95cd6f5bb38a9b07d2cf42220c66"),
            Optional.of(SuiAddress.parse("0x849e95d2718938d66c37fb91df76d72f78526c1864c339bac415ce8ecda2d8cc")),
            SuiAddress.parse("0x6c2547cbbc38025cf3adac45f63cb0a8d12ecf777cdc75a4971612bf97fdf6af"),
            SuiAddress.parse("0xbe46180321c30aab2f8b3501e24048377287fa708018a5b7c2792b35fe339ee3"),
            Set.of());

    /** Name of the Move module every Walrus event is defined in. */
    public static final String EVENTS_MODULE = "events";

    public WalrusNetwork {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(originalPackageId, "originalPackageId");
        Objects.requireNonNull(latestPackageId, "latestPackageId");
        Objects.requireNonNull(systemObjectId, "systemObjectId");
        Objects.requireNonNull(stakingObjectId, "stakingObjectId");
        additionalEventPackageIds = Set.copyOf(additionalEventPackageIds);
    }

    /**
     * A network described by its IDs, e.g. the local devnet (a fresh publish: the original and the
     * latest package are the same).
     */
    public static WalrusNetwork custom(String name, SuiAddress packageId, SuiAddress systemObjectId,
            SuiAddress stakingObjectId) {
        return new WalrusNetwork(name, packageId, Optional.of(packageId), systemObjectId, stakingObjectId, Set.of());
    }

    /** A copy that also accepts events whose types were defined by the given package versions. */
    public WalrusNetwork withAdditionalEventPackages(Set<SuiAddress> packageIds) {
        Set<SuiAddress> all = new LinkedHashSet<>(additionalEventPackageIds);
        all.addAll(packageIds);
        return new WalrusNetwork(name, originalPackageId, latestPackageId, systemObjectId, stakingObjectId, all);
    }

    /** The original package ID followed by {@link #additionalEventPackageIds()}. */
    public Set<SuiAddress> eventPackageIds() {
        Set<SuiAddress> all = new LinkedHashSet<>();
        all.add(originalPackageId);
        all.addAll(additionalEventPackageIds);
        return all;
    }

    /**
     * {@code {"MoveEventModule":{"package":<original id>,"module":"events"}}}: every event whose
     * type is defined in the original package's {@code events} module.
     */
    public EventFilter eventsFilter() {
        return new EventFilter.MoveEventModule(originalPackageId, EVENTS_MODULE);
    }

    /**
     * {@code mainnet} / {@code testnet}: the presets; {@code devnet} / {@code custom}: the three
     * configured ids, any blank one asked from the devnet ({@code devnet_getChainInfo} through
     * {@code devnet}, called only then).
     *
     * @throws IllegalArgumentException for an unknown network name or a malformed id
     */
    public static WalrusNetwork resolve(String network, String packageId, String systemObjectId,
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
