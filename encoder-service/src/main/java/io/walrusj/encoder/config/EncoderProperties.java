package io.walrusj.encoder.config;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by the publisher and the aggregator ({@code encoder.*}).
 *
 * @param suiRpcUrl           the chain's URL (the devnet, or a Sui full node for reads): Sui gRPC, and
 *                            the JSON-RPC of the legacy transport and of the devnet (network ids, writes)
 * @param suiGrpcUrl          the gRPC URL when it differs from {@code suiRpcUrl} (tests: the fake chain)
 * @param chainTransport      {@code grpc} (default) or {@code jsonrpc} (legacy: a full node still serving it)
 * @param packageId           Walrus package id; with the two object ids below it names the network,
 *                            otherwise the ids are asked from the devnet ({@code devnet_getChainInfo})
 * @param systemObjectId      the shared {@code System} object
 * @param stakingObjectId     the shared {@code Staking} object
 * @param nodeScheme          scheme for the nodes' {@code host:port} network addresses
 * @param committeeRefresh    until the chain answers and epoch changes are followed, how often the
 *                            committee is tried again
 * @param nodeConnectTimeout  TCP connect timeout towards storage nodes
 * @param nodeRequestTimeout  whole-request timeout towards storage nodes
 */
@ConfigurationProperties("encoder")
public record EncoderProperties(URI suiRpcUrl, URI suiGrpcUrl, @DefaultValue("grpc") Transport chainTransport,
        String packageId, String systemObjectId, String stakingObjectId,
        @DefaultValue("http") String nodeScheme, @DefaultValue("5s") Duration committeeRefresh,
        @DefaultValue("2s") Duration nodeConnectTimeout, @DefaultValue("60s") Duration nodeRequestTimeout) {

    /** How the chain is read. */
    public enum Transport { GRPC, JSONRPC }

    public URI effectiveGrpcUrl() {
        return suiGrpcUrl != null ? suiGrpcUrl : suiRpcUrl;
    }
}
