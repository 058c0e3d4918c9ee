package io.walrusj.indexer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code indexer.*} (defaults in application.yaml).
 *
 * @param rpcUrl the Sui full node or the devnet: its gRPC base URL (scheme, host, port), which on the
 *     devnet (and for the legacy transport) also serves JSON-RPC
 * @param transport {@code grpc} (checkpoints over Sui gRPC, the default) or {@code jsonrpc} (the
 *     legacy {@code suix_queryEvents} follower, for full nodes that still serve it)
 * @param network {@code mainnet}, {@code testnet} or {@code custom}
 * @param packageId custom network: the Walrus package ID (event types); empty = ask the devnet
 * @param systemObjectId custom network: the System object; empty = ask the devnet
 * @param stakingObjectId custom network: the Staking object; empty = ask the devnet
 * @param dataDir where the embedded PostgreSQL keeps its data (when no DB_URL is set)
 * @param databasePort fixed port of the embedded PostgreSQL (0 = any free port)
 * @param follow the event follower
 */
@ConfigurationProperties("indexer")
public record IndexerProperties(
        URI rpcUrl,
        String transport,
        String network,
        String packageId,
        String systemObjectId,
        String stakingObjectId,
        Path dataDir,
        int databasePort,
        Follow follow) {

    /**
     * @param enabled start following when the application is ready
     * @param stallTimeout gRPC: no checkpoint for this long while the chain is ahead = reconnect
     * @param pollInterval jsonrpc: wait between polls once caught up
     * @param backoffInitial first retry delay after a failure
     * @param backoffMax largest retry delay
     * @param maxConsecutiveErrors give up after this many failures in a row (0 = never)
     * @param readCommittee read the committee from the Staking object at each EpochChangeStart
     * @param requestTimeout RPC request timeout (gRPC: per unary call)
     */
    public record Follow(
            boolean enabled,
            Duration stallTimeout,
            Duration pollInterval,
            Duration backoffInitial,
            Duration backoffMax,
            int maxConsecutiveErrors,
            boolean readCommittee,
            Duration requestTimeout) {
    }
}
