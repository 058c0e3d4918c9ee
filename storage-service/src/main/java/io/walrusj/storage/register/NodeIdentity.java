package io.walrusj.storage.register;

import io.walrusj.core.crypto.SuiAddress;
import java.util.Optional;

/**
 * This node's staking-pool id as resolved on start ({@code storage.node-id}, else the id
 * remembered in {@code <data-dir>/node-id}, else the pool just created by {@link DevnetRegistrar}).
 */
public record NodeIdentity(Optional<SuiAddress> nodeId) {
}
