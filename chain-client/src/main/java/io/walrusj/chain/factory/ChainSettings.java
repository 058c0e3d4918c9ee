package io.walrusj.chain.factory;

import io.walrusj.chain.WalrusNetwork;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything {@link Chains#open} needs to give a service its chain.
 *
 * @param network {@code mainnet} / {@code testnet} (Walrus presets, {@link WalrusNetwork}),
 *     {@code devnet} or {@code custom} (the ids below; any id left blank is asked from the devnet's
 *     {@code devnet_getChainInfo})
 * @param packageId the Walrus package id (custom/devnet), or null
 * @param systemObjectId the System object id (custom/devnet), or null
 * @param stakingObjectId the Staking object id (custom/devnet), or null
 * @param rpcUrl the full node: gRPC base URL ({@code http(s)://host:port}) or JSON-RPC endpoint
 * @param transport {@link Transport#GRPC} (default) or {@link Transport#JSONRPC} (legacy reader for
 *     a full node that still serves it)
 * @param devnetUrl the devnet's JSON-RPC endpoint for {@code devnet_*} (writes, chain info); null =
 *     {@code rpcUrl} (the devnet serves gRPC and JSON-RPC on one port)
 * @param connectTimeout connection set-up
 * @param requestTimeout one unary call / HTTP request
 * @param retry the one retry policy (reads; followers' backoff)
 */
public record ChainSettings(String network, String packageId, String systemObjectId, String stakingObjectId,
        URI rpcUrl, Transport transport, URI devnetUrl, Duration connectTimeout, Duration requestTimeout,
        RetryPolicy retry) {

    /** How the chain is read. */
    public enum Transport {
        /** Sui gRPC v2 (default). */
        GRPC,
        /** Legacy Sui JSON-RPC ({@code suix_queryEvents}, {@code sui_getObject}). */
        JSONRPC;

        /** {@code grpc} / {@code jsonrpc} (any case); blank = {@link #GRPC}. */
        public static Transport parse(String text) {
            if (text == null || text.isBlank()) {
                return GRPC;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "grpc" -> GRPC;
                case "jsonrpc", "json-rpc" -> JSONRPC;
                default -> throw new IllegalArgumentException("the chain transport must be grpc or jsonrpc, got '" + text + "'");
            };
        }
    }

    public ChainSettings {
        network = network == null || network.isBlank() ? "custom" : network.trim().toLowerCase(Locale.ROOT);
        if (!java.util.Set.of("mainnet", "testnet", "devnet", "custom").contains(network)) {
            throw new IllegalArgumentException("the network must be mainnet, testnet, devnet or custom, got '" + network + "'");
        }
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /** Network {@code custom} with every id from the devnet, gRPC, 5 s connect, 30 s requests, {@link RetryPolicy#DEFAULT}. */
    public static ChainSettings of(URI rpcUrl) {
        return new ChainSettings("custom", null, null, null, rpcUrl, Transport.GRPC, null, Duration.ofSeconds(5),
                Duration.ofSeconds(30), RetryPolicy.DEFAULT);
    }

    public ChainSettings withNetwork(String name) {
        return new ChainSettings(name, packageId, systemObjectId, stakingObjectId, rpcUrl, transport, devnetUrl,
                connectTimeout, requestTimeout, retry);
    }

    /** Configured Walrus ids (blank ones are asked from the devnet). */
    public ChainSettings withIds(String pkg, String system, String staking) {
        return new ChainSettings(network, pkg, system, staking, rpcUrl, transport, devnetUrl, connectTimeout,
                requestTimeout, retry);
    }

    public ChainSettings withTransport(Transport t) {
        return new ChainSettings(network, packageId, systemObjectId, stakingObjectId, rpcUrl, t, devnetUrl,
                connectTimeout, requestTimeout, retry);
    }

    public ChainSettings withDevnetUrl(URI url) {
        return new ChainSettings(network, packageId, systemObjectId, stakingObjectId, rpcUrl, transport, url,
                connectTimeout, requestTimeout, retry);
    }

    public ChainSettings withTimeouts(Duration connect, Duration request) {
        return new ChainSettings(network, packageId, systemObjectId, stakingObjectId, rpcUrl, transport, devnetUrl,
                connect, request, retry);
    }

    public ChainSettings withRetry(RetryPolicy policy) {
        return new ChainSettings(network, packageId, systemObjectId, stakingObjectId, rpcUrl, transport, devnetUrl,
                connectTimeout, requestTimeout, policy);
    }

    /** The endpoint of the {@code devnet_*} methods. */
    public URI devnetEndpoint() {
        return devnetUrl != null ? devnetUrl : rpcUrl;
    }
}
