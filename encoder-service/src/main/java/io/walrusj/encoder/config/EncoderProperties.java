package io.walrusj.encoder.config;

import io.walrusj.chain.factory.ChainSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the publisher and the aggregator ({@code encoder.*}).
 *
 * @param suiRpcUrl           the chain's URL (the devnet, or a Sui full node for reads): its Sui gRPC
 *                            base URL, or its JSON-RPC endpoint with the legacy transport
 * @param chainTransport      {@code grpc} (default) or {@code jsonrpc} (legacy: a full node still serving it)
 * @param devnetUrl           the devnet's JSON-RPC endpoint (writes, {@code devnet_getChainInfo}) when it
 *                            is not {@code suiRpcUrl} (the devnet serves both on one port; tests' fake chain does not)
 * @param network             {@code mainnet} / {@code testnet} (Walrus presets), or {@code custom} (default):
 *                            the ids below, blank ones asked from the devnet ({@code devnet_getChainInfo})
 * @param packageId           Walrus package id
 * @param systemObjectId      the shared {@code System} object
 * @param stakingObjectId     the shared {@code Staking} object
 * @param chainReadAttempts   attempts per chain read on transport failures (the chain's one retry policy)
 * @param nodeScheme          scheme for the nodes' {@code host:port} network addresses
 * @param committeeRefresh    until the chain answers and epoch changes are followed, how often the
 *                            committee is tried again
 * @param nodeConnectTimeout  TCP connect timeout towards storage nodes
 * @param nodeRequestTimeout  whole-request timeout towards storage nodes
 */
@ConfigurationProperties("encoder")
public record EncoderProperties(URI suiRpcUrl, @DefaultValue("grpc") ChainSettings.Transport chainTransport, URI devnetUrl,
        @DefaultValue("custom") String network, String packageId, String systemObjectId, String stakingObjectId,
        @DefaultValue("5") int chainReadAttempts, @DefaultValue("http") String nodeScheme,
        @DefaultValue("5s") Duration committeeRefresh, @DefaultValue("2s") Duration nodeConnectTimeout,
        @DefaultValue("60s") Duration nodeRequestTimeout) {
}
