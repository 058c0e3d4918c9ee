package io.walrusj.storage.heal;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.storage.sync.NodeState;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base URLs of other committee members for node-to-node requests. Normally they come from the chain:
 * each committee member's {@code StakingPool.node_info.network_address} ({@code host:port}, read by
 * {@code ChainSync} on start and after every epoch change) becomes {@code <scheme>://host:port}
 * ({@code storage.peer-scheme}, default {@code http}). Overrides from
 * {@code storage.peers.<node id>=<url>} and {@link #put} win over the chain (tests, NAT, proxies).
 */
public final class PeerResolver {
    private static final Logger LOG = LoggerFactory.getLogger(PeerResolver.class);

    private final Map<SuiAddress, URI> overrides = new ConcurrentHashMap<>();
    private volatile Map<SuiAddress, URI> fromChain = Map.of();
    private final String scheme;

    public PeerResolver(Map<String, URI> configured) {
        this(configured, "http");
    }

    public PeerResolver(Map<String, URI> configured, String scheme) {
        this.scheme = scheme;
        configured.forEach((id, uri) -> put(SuiAddress.parseLenient(id), uri));
    }

    /** Sets an override for {@code nodeId} (wins over the chain's network address). */
    public void put(SuiAddress nodeId, URI baseUrl) {
        overrides.put(nodeId, trim(baseUrl));
    }

    /**
     * Replaces the chain-derived addresses: node id -> {@code network_address} as stored on chain
     * ({@code host:port}, or a full URL). Unparsable addresses are skipped with a warning.
     */
    public void updateFromChain(Map<SuiAddress, String> networkAddresses) {
        Map<SuiAddress, URI> next = new HashMap<>();
        networkAddresses.forEach((id, address) -> {
            try {
                next.put(id, toUri(address, scheme));
            } catch (IllegalArgumentException e) {
                LOG.warn("node {} has an unusable network address '{}': {}", id, address, e.getMessage());
            }
        });
        fromChain = Map.copyOf(next);
    }

    public Optional<URI> resolve(SuiAddress nodeId) {
        URI o = overrides.get(nodeId);
        return o != null ? Optional.of(o) : Optional.ofNullable(fromChain.get(nodeId));
    }

    /**
     * The committee members of {@code snapshot} other than {@code self} that own shards and have a
     * known base URL: the nodes blob sync asks for metadata and recovery symbols.
     */
    public List<Peer> peers(NodeState.Snapshot snapshot, Optional<SuiAddress> self) {
        List<Peer> out = new ArrayList<>();
        snapshot.committee().forEach((nodeId, shards) -> {
            if (shards.isEmpty() || self.isPresent() && self.get().equals(nodeId)) {
                return;
            }
            resolve(nodeId).ifPresent(uri -> out.add(new Peer(nodeId, uri, Set.copyOf(shards))));
        });
        return out;
    }

    /** {@code host:port} -> {@code scheme://host:port}; a value with a scheme is kept. */
    static URI toUri(String networkAddress, String scheme) {
        String a = networkAddress.strip();
        URI u = URI.create(a.contains("://") ? a : scheme + "://" + a);
        if (u.getHost() == null || u.getPort() < 0 && !a.contains("://")) {
            throw new IllegalArgumentException("expected host:port");
        }
        return trim(u);
    }

    private static URI trim(URI baseUrl) {
        String s = baseUrl.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }
}
