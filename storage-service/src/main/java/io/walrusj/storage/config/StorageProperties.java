package io.walrusj.storage.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of one storage node ({@code storage.*}, or the matching environment variables such as
 * {@code STORAGE_DATA_DIR}).
 *
 * @param dataDir where RocksDB and the generated protocol key live
 * @param rpcUrl the Sui JSON-RPC endpoint (the walrusj devnet or a Sui full node)
 * @param packageId the Walrus package (original id); with the two object ids below. When any of
 *     the three is missing they are discovered with the devnet's {@code devnet_getChainInfo}
 * @param systemObjectId the shared {@code System} object
 * @param stakingObjectId the shared {@code Staking} object
 * @param nodeId this node's staking-pool id on chain ({@code 0x} + 64 hex); without it the node owns no shards
 * @param nShards fallback number of shards used until the chain has been read
 * @param blsKeyFile a mounted protocol key (base64 of the 32-byte secret); when absent a key is
 *     generated on first start in {@code dataDir/protocol.key}
 * @param followChain whether to follow chain events (tests may switch it off)
 * @param pollInterval how often the event follower polls when it is caught up
 * @param maxBodyBytes body limit of the routes other than PUT sliver (axum's default 2 MiB)
 * @param recoverySymbolConcurrency concurrent recovery-symbol requests before 503 UNAVAILABLE
 * @param symbolCacheSize expanded slivers kept for serving recovery symbols
 * @param peers other nodes' base URLs by node id ({@code storage.peers.0x...=http://host:port}),
 *     overriding the committee members' on-chain {@code network_address} (tests, proxies)
 * @param peerScheme scheme put in front of an on-chain {@code host:port} network address
 * @param healConcurrency blobs synced concurrently
 * @param healMaxAttempts attempts per blob before blob sync gives up (until the next trigger)
 * @param healBackoff first retry delay of blob sync, doubled per attempt (capped at 30 s)
 * @param healRequestTimeout timeout of one node-to-node request during blob sync
 */
@ConfigurationProperties("storage")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://127.0.0.1:9000") URI rpcUrl,
        String packageId,
        String systemObjectId,
        String stakingObjectId,
        String nodeId,
        Integer nShards,
        Path blsKeyFile,
        @DefaultValue("true") boolean followChain,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2097152") int maxBodyBytes,
        @DefaultValue("64") int recoverySymbolConcurrency,
        @DefaultValue("64") int symbolCacheSize,
        Map<String, URI> peers,
        @DefaultValue("http") String peerScheme,
        @DefaultValue("4") int healConcurrency,
        @DefaultValue("6") int healMaxAttempts,
        @DefaultValue("200ms") Duration healBackoff,
        @DefaultValue("10s") Duration healRequestTimeout) {

    public StorageProperties {
        peers = peers == null ? Map.of() : Map.copyOf(peers);
    }

    public boolean hasNetworkIds() {
        return notBlank(packageId) && notBlank(systemObjectId) && notBlank(stakingObjectId);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
