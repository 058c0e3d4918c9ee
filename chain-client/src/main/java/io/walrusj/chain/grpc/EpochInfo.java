package io.walrusj.chain.grpc;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A Sui epoch as read with {@link ReadMasks#EPOCH}.
 *
 * @param referenceGasPrice in MIST per gas unit
 * @param start absent if the server did not send it
 */
public record EpochInfo(long epoch, long referenceGasPrice, OptionalLong firstCheckpoint, Optional<Instant> start) {
}
