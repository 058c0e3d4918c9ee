package io.walrusj.storage.heal;

import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * Another committee member that blob sync can ask: its node id, its base URL and the shards it
 * owns in the current epoch (which tells which slivers of a blob it should hold).
 */
public record Peer(SuiAddress nodeId, URI baseUrl, Set<Integer> shards) {
    public Peer {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        shards = Set.copyOf(shards);
    }

    @Override
    public String toString() {
        return nodeId.toString().substring(0, 10) + "@" + baseUrl;
    }
}
