package io.walrusj.chain.grpc;

import java.time.Instant;
import java.util.Optional;

/**
 * {@code GetServiceInfo}: which chain the node is on and how far it is.
 *
 * @param chainId Base58 digest of the genesis checkpoint
 * @param chain human-readable name ({@code mainnet}, {@code testnet}, ...), if sent
 * @param checkpointHeight the highest executed checkpoint
 * @param timestamp that checkpoint's timestamp, if sent
 * @param lowestAvailableCheckpoint the lowest checkpoint the node still serves (0 if not sent)
 */
public record ServiceInfo(String chainId, Optional<String> chain, long epoch, long checkpointHeight,
        Optional<Instant> timestamp, long lowestAvailableCheckpoint, Optional<String> server) {
}
