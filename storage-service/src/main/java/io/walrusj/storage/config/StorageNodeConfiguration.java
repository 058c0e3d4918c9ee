package io.walrusj.storage.config;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.Chains;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.nodeclient.StorageNodeClient;
import io.walrusj.storage.gc.GarbageCollector;
import io.walrusj.storage.heal.BlobHealer;
import io.walrusj.storage.heal.BlobSyncer;
import io.walrusj.storage.heal.HealSettings;
import io.walrusj.storage.heal.PeerResolver;
import io.walrusj.storage.identity.OperatorKeyStore;
import io.walrusj.storage.identity.ProtocolKeyStore;
import io.walrusj.storage.invalid.BlobInvalidator;
import io.walrusj.storage.invalid.DevnetInvalidationSubmitter;
import io.walrusj.storage.invalid.InvalidBlobCertifier;
import io.walrusj.storage.invalid.InvalidationSubmitter;
import io.walrusj.storage.invalid.LoggingInvalidationSubmitter;
import io.walrusj.storage.limits.BoundedBodyReader;
import io.walrusj.storage.limits.RequestBodyBudget;
import io.walrusj.storage.pending.PendingUploads;
import io.walrusj.storage.register.DevnetRegistrar;
import io.walrusj.storage.register.NodeIdentity;
import io.walrusj.storage.store.RocksSliverStore;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.store.StoreMetrics;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.ChainSync;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.sync.RegistrationWaits;
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

    /** The node's chain (reads, the event follower, devnet writes), from chain-client's factory. */
    @Bean(destroyMethod = "close")
    Chain chain(StorageProperties props) {
        return Chains.open(props.chainSettings());
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
    NodeIdentity nodeIdentity(StorageProperties props, BlsKeyPair protocolKey, Chain chain) {
        return DevnetRegistrar.resolve(props, protocolKey, chain::writer, () -> chain.reader().stakingState().epoch());
    }

    @Bean
    ChainSync chainSync(StorageProperties props, Chain chain, SliverStore store, NodeState state, NodeIdentity identity,
            MeterRegistry registry) {
        ChainSync sync = new ChainSync(props, chain, store, state, identity.nodeId());
        Gauge.builder("walrus.chain.checkpoint.lag", sync, s -> s.checkpointLag().stream().asDoubleStream().findFirst().orElse(Double.NaN))
                .description("checkpoints the node's event follower is behind the chain head (NaN while unknown)")
                .register(registry);
        Gauge.builder("walrus.chain.lag", sync, s -> s.secondsLag().orElse(Double.NaN)).baseUnit("seconds")
                .description("now minus the timestamp of the last checkpoint whose events the node committed (NaN while unknown)")
                .register(registry);
        return sync;
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
                props.pendingMaxBlobBytes(), props.pendingMaxClientBytes(), props.pendingTimeout());
        sync.addListener(pending);
        return pending;
    }

    /** Request bodies are read into buffers reserved from one node-wide budget (metrics {@code walrus.request.body.*}). */
    @Bean
    BoundedBodyReader boundedBodyReader(StorageProperties props, MeterRegistry registry) {
        RequestBodyBudget budget = new RequestBodyBudget(props.requestBodyBudget());
        Gauge.builder("walrus.request.body.reserved", budget, RequestBodyBudget::reserved).baseUnit("bytes")
                .description("bytes reserved by request bodies being received").register(registry);
        FunctionCounter.builder("walrus.request.body.refused", budget, RequestBodyBudget::refusals)
                .description("request bodies refused (503) because the budget was exhausted").register(registry);
        return new BoundedBodyReader(budget, props.requestBodyMinRate(), props.requestBodyMinTime());
    }

    @Bean
    RegistrationWaits registrationWaits(StorageProperties props, ChainSync sync) {
        RegistrationWaits waits = new RegistrationWaits(props.registrationWaitMax(), props.registrationMaxWaiters());
        sync.addListener(waits);
        return waits;
    }

    @Bean
    PeerResolver peerResolver(StorageProperties props, ChainSync sync) {
        PeerResolver peers = new PeerResolver(props.peers(), props.peerScheme());
        sync.addNetworkAddressListener(peers::updateFromChain);
        return peers;
    }

    /** The one client for node-to-node requests (blob sync, inconsistency attestations). */
    @Bean(destroyMethod = "close")
    StorageNodeClient storageNodeClient(StorageProperties props) {
        Duration timeout = props.healRequestTimeout();
        Duration connect = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
        return new StorageNodeClient(connect, timeout);
    }

    @Bean
    BlobHealer blobHealer(StorageProperties props, SliverStore store, NodeState state, PeerResolver peers,
            StorageNodeClient client, SymbolSourceCache cache, NodeIdentity identity, MeterRegistry registry) {
        return new BlobHealer(store, state, peers, client::getMetadata, client::recoverySymbols, cache,
                identity.nodeId(), props.healSliverConcurrency(), registry);
    }

    /**
     * Devnet transactions when the node has an operator key (it runs on the walrusj devnet), else the
     * log. Takes the {@link NodeIdentity} so that devnet registration has created the key first.
     */
    @Bean
    InvalidationSubmitter invalidationSubmitter(StorageProperties props, Chain chain, NodeIdentity identity) {
        Optional<Ed25519KeyPair> operator = OperatorKeyStore.loadIfPresent(props.dataDir(), props.operatorKeyFile());
        if (operator.isEmpty()) {
            LOG.info("no operator key: invalid-blob certificates are logged, not submitted");
            return new LoggingInvalidationSubmitter();
        }
        return new DevnetInvalidationSubmitter(chain.writer(operator.get()));
    }

    @Bean
    BlobInvalidator blobInvalidator(StorageProperties props, NodeState state, PeerResolver peers,
            StorageNodeClient client, BlsKeyPair protocolKey, NodeIdentity identity, InvalidationSubmitter submitter,
            MeterRegistry registry) {
        return new BlobInvalidator(state, peers,
                new InvalidBlobCertifier(client::inconsistencyProof, protocolKey, identity.nodeId()), submitter,
                healSettings(props), registry);
    }

    @Bean(destroyMethod = "close")
    BlobSyncer blobSyncer(StorageProperties props, SliverStore store, NodeState state, BlobHealer healer, ChainSync sync,
            BlobInvalidator invalidator, MeterRegistry registry) {
        BlobSyncer syncer = new BlobSyncer(store, state, healer, healSettings(props), invalidator, registry);
        sync.addListener(syncer);
        return syncer;
    }

    private static HealSettings healSettings(StorageProperties props) {
        return new HealSettings(props.healConcurrency(), props.healMaxAttempts(), props.healBackoff());
    }
}
