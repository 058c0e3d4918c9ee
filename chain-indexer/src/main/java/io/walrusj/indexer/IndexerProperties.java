package io.walrusj.indexer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code indexer.*} (defaults in application.yaml).
 *
 * @param rpcUrl the Sui JSON-RPC endpoint (a full node or the devnet)
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
        String network,
        String packageId,
        String systemObjectId,
        String stakingObjectId,
        Path dataDir,
        int databasePort,
        Follow follow) {

    /**
     * @param enabled start following when the application is ready
     * @param pageSize events per query (1..50); one page is one database transaction
     * @param pollInterval wait between polls once caught up
     * @param backoffInitial first retry delay after a failure
     * @param backoffMax largest retry delay
     * @param maxConsecutiveErrors give up after this many failures in a row (0 = never)
     * @param readCommittee read the committee from the Staking object at each EpochChangeStart
     * @param requestTimeout RPC request timeout
     */
    public record Follow(
            boolean enabled,
            int pageSize,
            Duration pollInterval,
            Duration backoffInitial,
            Duration backoffMax,
            int maxConsecutiveErrors,
            boolean readCommittee,
            Duration requestTimeout) {
    }
}
