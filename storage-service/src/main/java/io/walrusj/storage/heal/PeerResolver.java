package io.walrusj.storage.heal;

import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Base URLs of other committee members for node-to-node requests. On chain each node's
 * {@code StakingPool.node_info.network_address} names its {@code host:port}; chain-client does not
 * read staking pools yet, so this resolver is filled from {@code storage.peers.<node id>=<url>} and
 * can be updated at run time ({@link #put}).
 */
public final class PeerResolver {
    private final Map<SuiAddress, URI> peers = new ConcurrentHashMap<>();

    public PeerResolver(Map<String, URI> configured) {
        configured.forEach((id, uri) -> put(SuiAddress.parseLenient(id), uri));
    }

    public void put(SuiAddress nodeId, URI baseUrl) {
        String s = baseUrl.toString();
        peers.put(nodeId, URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s));
    }

    public Optional<URI> resolve(SuiAddress nodeId) {
        return Optional.ofNullable(peers.get(nodeId));
    }
}
