package io.walrusj.storage.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.storage.gc.GarbageCollector;
import io.walrusj.storage.heal.BlobSyncer;
import io.walrusj.storage.heal.NodeClient;
import io.walrusj.storage.heal.PeerResolver;
import io.walrusj.storage.identity.ProtocolKeyStore;
import io.walrusj.storage.register.DevnetRegistrar;
import io.walrusj.storage.register.NodeIdentity;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.storage.pending.PendingUploads;
import io.walrusj.storage.store.RocksSliverStore;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.store.StoreMetrics;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.ChainSync;
import io.walrusj.storage.sync.NodeState;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the store, the protocol key, the chain client and the follower. */
@Configuration(proxyBeanMethods = false)
public class StorageNodeConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(StorageNodeConfiguration.class);

    @Bean(destroyMethod = "close")
    SliverStore sliverStore(StorageProperties props, MeterRegistry registry) {
        return new RocksSliverStore(props.dataDir().resolve("db"), new StoreMetrics(registry));
    }

    @Bean
    BlsKeyPair protocolKey(StorageProperties props) {
        BlsKeyPair key = ProtocolKeyStore.loadOrCreate(props.dataDir(), props.blsKeyFile());
        LOG.info("protocol public key {}", key.publicKey().toBase64());
        return key;
    }

    @Bean(destroyMethod = "close")
    SuiRpcClient suiRpcClient(StorageProperties props) {
        return SuiRpcClient.builder(props.rpcUrl()).connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30)).build();
    }

    @Bean
    SymbolSourceCache symbolSourceCache(StorageProperties props) {
        return new SymbolSourceCache(props.symbolCacheSize());
    }

    @Bean
    NodeState nodeState(StorageProperties props) {
        return new NodeState(props.nShards());
    }

    @Bean
    NodeIdentity nodeIdentity(StorageProperties props, BlsKeyPair protocolKey, SuiRpcClient rpc) {
        return DevnetRegistrar.resolve(props, protocolKey, () -> new DevnetClient(rpc));
    }

    @Bean
    ChainSync chainSync(StorageProperties props, SuiRpcClient rpc, SliverStore store, NodeState state,
            NodeIdentity identity) {
        return new ChainSync(props, rpc, store, state, identity.nodeId());
    }

    @Bean
    GarbageCollector garbageCollector(SliverStore store, NodeState state, SymbolSourceCache cache, ChainSync sync,
            MeterRegistry registry) {
        GarbageCollector gc = new GarbageCollector(store, state, cache, registry);
        sync.addListener(gc);
        return gc;
    }

    @Bean
    PendingUploads pendingUploads(StorageProperties props, SliverStore store, NodeState state, ChainSync sync) {
        PendingUploads pending = new PendingUploads(store, state, props.pendingMaxBytes(), props.pendingMaxEntries(),
                props.pendingTimeout());
        sync.addListener(pending);
        return pending;
    }

    @Bean
    PeerResolver peerResolver(StorageProperties props, ChainSync sync) {
        PeerResolver peers = new PeerResolver(props.peers(), props.peerScheme());
        sync.addNetworkAddressListener(peers::updateFromChain);
        return peers;
    }

    @Bean(destroyMethod = "close")
    BlobSyncer blobSyncer(StorageProperties props, SliverStore store, NodeState state, PeerResolver peers,
            SymbolSourceCache cache, ChainSync sync, MeterRegistry registry, NodeIdentity identity) {
        Optional<SuiAddress> self = identity.nodeId();
        BlobSyncer syncer = new BlobSyncer(store, state, peers, new NodeClient(props.healRequestTimeout()), cache, self,
                props.healConcurrency(), props.healMaxAttempts(), props.healBackoff(), registry);
        sync.addListener(syncer);
        return syncer;
    }
}
