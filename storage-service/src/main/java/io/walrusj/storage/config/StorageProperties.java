package io.walrusj.storage.config;

import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.factory.RetryPolicy;
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
 * @param rpcUrl the Sui full node (or the walrusj devnet): Sui gRPC and, on the devnet, its JSON-RPC
 *     methods (network discovery, registration and invalidation transactions) at the same URL
 * @param grpcUrl the Sui gRPC endpoint if it is not {@code rpcUrl} (tests with a fake chain); no path
 * @param chainTransport {@code grpc} (default: checkpoints over Sui gRPC) or {@code jsonrpc}
 *     (legacy: {@code suix_queryEvents}, for a full node that still serves JSON-RPC)
 * @param network {@code mainnet} / {@code testnet} (chain-client's Walrus presets) or {@code custom}
 *     (default: the ids below)
 * @param packageId the Walrus package (original id); with the two object ids below. When any of
 *     the three is missing they are discovered with the devnet's {@code devnet_getChainInfo}
 * @param systemObjectId the shared {@code System} object
 * @param stakingObjectId the shared {@code Staking} object
 * @param nodeId this node's staking-pool id on chain ({@code 0x} + 64 hex); without it the node owns no shards
 * @param nShards fallback number of shards used until the chain has been read
 * @param blsKeyFile a mounted protocol key (base64 of the 32-byte secret); when absent a key is
 *     generated on first start in {@code dataDir/protocol.key}
 * @param followChain whether to follow chain events (tests may switch it off)
 * @param pollInterval how often the legacy JSON-RPC event follower polls when it is caught up
 * @param maxBodyBytes body limit of the routes other than PUT sliver (axum's default 2 MiB)
 * @param recoverySymbolConcurrency concurrent recovery-symbol requests before 503 UNAVAILABLE
 * @param symbolCacheSize expanded slivers kept for serving recovery symbols
 * @param peers other nodes' base URLs by node id ({@code storage.peers.0x...=http://host:port}),
 *     overriding the committee members' on-chain {@code network_address} (tests, proxies)
 * @param peerScheme scheme put in front of an on-chain {@code host:port} network address
 * @param healConcurrency blobs synced concurrently
 * @param healSliverConcurrency slivers of one blob recovered concurrently
 * @param healMaxAttempts attempts per blob before blob sync gives up (until the next trigger)
 * @param healBackoff first retry delay of blob sync, doubled per attempt (capped at 30 s)
 * @param healRequestTimeout timeout of one node-to-node request during blob sync
 * @param syncShardMaxSlivers the largest page a {@code sync_shard} request may ask for
 * @param pendingMaxBytes total body bytes of buffered {@code ?pending=true} uploads
 * @param pendingMaxEntries buffered {@code ?pending=true} items (one metadata or one sliver each)
 * @param pendingTimeout how long a blob's buffered uploads wait for its registration
 * @param registerOnDevnet without a node id, register this node as a candidate on the walrusj devnet on start
 * @param operatorKeyFile a mounted Ed25519 operator account key (base64 of the 32-byte seed); when
 *     absent one is generated on first start in {@code dataDir/operator.key}
 * @param publicUrl this node's public base URL; its {@code host:port} is the on-chain network address
 * @param stake FROST staked with the node's own pool after registration
 * @param useFaucet fund the operator with the devnet faucet (the stake amount) before registering
 * @param nodeName the candidate's name (default {@code walrusj-<host:port>})
 * @param commissionRate basis points
 * @param storagePriceVote FROST per unit size and epoch
 * @param writePriceVote FROST per unit size
 * @param nodeCapacity bytes
 * @param registrationWaitMax longest a confirmation request with {@code wait_for_registration=true}
 *     waits for the blob's registration (Walrus' default is 0, waiting disabled; walrusj waits so a
 *     publisher's first confirmation request right after {@code register_blob} succeeds)
 * @param registrationMaxWaiters confirmation requests waiting at once; more answer at once
 * @param requestBodyBudget bytes all request bodies being received may hold together (buffers are
 *     reserved as bytes arrive); beyond it a request answers 503 UNAVAILABLE
 * @param requestBodyMinRate bytes per second a request body must average over its declared length
 * @param requestBodyMinTime the shortest deadline of a request body ({@code max(this, length / minRate)})
 * @param pendingMaxBlobBytes buffered {@code ?pending=true} body bytes of one blob
 * @param pendingMaxClientBytes buffered {@code ?pending=true} body bytes sent from one remote address
 */
@ConfigurationProperties("storage")
public record StorageProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("http://127.0.0.1:9000") URI rpcUrl,
        URI grpcUrl,
        @DefaultValue("grpc") String chainTransport,
        @DefaultValue("custom") String network,
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
        @DefaultValue("8") int healSliverConcurrency,
        @DefaultValue("6") int healMaxAttempts,
        @DefaultValue("200ms") Duration healBackoff,
        @DefaultValue("10s") Duration healRequestTimeout,
        @DefaultValue("100000") long syncShardMaxSlivers,
        @DefaultValue("268435456") long pendingMaxBytes,
        @DefaultValue("10000") int pendingMaxEntries,
        @DefaultValue("60s") Duration pendingTimeout,
        @DefaultValue("false") boolean registerOnDevnet,
        Path operatorKeyFile,
        URI publicUrl,
        @DefaultValue("1000000000") long stake,
        @DefaultValue("false") boolean useFaucet,
        String nodeName,
        @DefaultValue("0") int commissionRate,
        @DefaultValue("100000") long storagePriceVote,
        @DefaultValue("20000") long writePriceVote,
        @DefaultValue("1000000000000") long nodeCapacity,
        @DefaultValue("2s") Duration registrationWaitMax,
        @DefaultValue("64") int registrationMaxWaiters,
        @DefaultValue("134217728") long requestBodyBudget,
        @DefaultValue("65536") long requestBodyMinRate,
        @DefaultValue("10s") Duration requestBodyMinTime,
        @DefaultValue("67108864") long pendingMaxBlobBytes,
        @DefaultValue("134217728") long pendingMaxClientBytes) {

    public StorageProperties {
        peers = peers == null ? Map.of() : Map.copyOf(peers);
        ChainSettings.Transport.parse(chainTransport); // fails early on a typo
    }

    /** Whether events are followed with the legacy JSON-RPC follower ({@code storage.chain-transport=jsonrpc}). */
    public boolean legacyJsonRpc() {
        return ChainSettings.Transport.parse(chainTransport) == ChainSettings.Transport.JSONRPC;
    }

    /**
     * What chain-client's {@code Chains.open} needs: gRPC at {@link #suiGrpcUrl()} with the devnet's
     * {@code devnet_*} methods at {@code rpcUrl}, or (legacy) everything over JSON-RPC at {@code rpcUrl};
     * 5 s connect, 30 s per call, {@link RetryPolicy#DEFAULT}.
     */
    public ChainSettings chainSettings() {
        ChainSettings settings = legacyJsonRpc() ? ChainSettings.of(rpcUrl)
                : ChainSettings.of(URI.create(suiGrpcUrl())).withDevnetUrl(rpcUrl);
        return settings.withNetwork(network).withIds(packageId, systemObjectId, stakingObjectId)
                .withTransport(ChainSettings.Transport.parse(chainTransport))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)).withRetry(RetryPolicy.DEFAULT);
    }

    /** The Sui gRPC base URL: {@code grpcUrl}, else {@code rpcUrl} without a trailing slash. */
    public String suiGrpcUrl() {
        String url = (grpcUrl != null ? grpcUrl : rpcUrl).toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
