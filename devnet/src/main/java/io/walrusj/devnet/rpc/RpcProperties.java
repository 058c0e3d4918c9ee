package io.walrusj.devnet.rpc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the JSON-RPC endpoint ({@code devnet.rpc.*}).
 *
 * @param maxBodySize   largest request body read; a larger one is answered with HTTP 413 (and a
 *                      JSON-RPC error body) without being buffered
 * @param maxBatchSize  most requests in one batch (Sui's limit is 50); a larger batch is one
 *                      -32600 error
 * @param maxEchoLength longest error message; longer ones (which echo client input such as a
 *                      method name) are cut
 */
@ConfigurationProperties("devnet.rpc")
public record RpcProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("50") int maxBatchSize,
        @DefaultValue("200") int maxEchoLength) {

    public RpcProperties {
        if (maxBodySize.toBytes() < 1 || maxBatchSize < 1 || maxEchoLength < 16) {
            throw new IllegalArgumentException("devnet.rpc limits must be positive (echo length at least 16)");
        }
    }
}
