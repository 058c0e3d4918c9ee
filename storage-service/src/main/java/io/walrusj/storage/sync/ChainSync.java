package io.walrusj.storage.sync;

import io.walrusj.chain.ChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.follow.FollowOptions;
import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.store.SliverStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Follows the Walrus events into the store (blob info and cursor in one synced RocksDB batch) and
 * keeps {@link NodeState} (epoch, n, owned shards) current: read from the chain on start and after
 * every {@code EpochChangeStart}/{@code EpochChangeDone}. The reads, the follower (Sui gRPC
 * checkpoints, or legacy {@code suix_queryEvents} with {@code storage.chain-transport=jsonrpc}) and
 * its retries come from chain-client's {@link Chain}; the cursor is kept by {@link StoredCursor}.
 */
public final class ChainSync implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ChainSync.class);

    private final StorageProperties props;
    private final Chain chain;
    private final SliverStore store;
    private final NodeState state;
    private final Optional<SuiAddress> nodeId;
    private final AtomicLong eventsApplied = new AtomicLong();
    private final List<ChainListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Map<SuiAddress, String>>> addressListeners = new CopyOnWriteArrayList<>();
    private volatile Map<SuiAddress, String> networkAddresses = Map.of();
    private volatile ChainReader reader;
    private volatile StoredCursor cursor;
    private volatile WalrusFollower follower;
    private volatile Thread starter;
    private volatile boolean running;

    /** With this node's id resolved elsewhere (configured, remembered or just registered). */
    public ChainSync(StorageProperties props, Chain chain, SliverStore store, NodeState state, Optional<SuiAddress> nodeId) {
        this.props = props;
        this.chain = chain;
        this.store = store;
        this.state = state;
        this.nodeId = nodeId;
    }

    /** Registers a listener called after each committed event batch. */
    public void addListener(ChainListener listener) {
        listeners.add(listener);
    }

    /**
     * Registers a listener for the committee members' on-chain network addresses (node id ->
     * {@code StakingPool.node_info.network_address}), called after each committee read; called at
     * once with the current addresses if they are known already.
     */
    public void addNetworkAddressListener(Consumer<Map<SuiAddress, String>> listener) {
        addressListeners.add(listener);
        Map<SuiAddress, String> known = networkAddresses;
        if (!known.isEmpty()) {
            listener.accept(known);
        }
    }

    /** Events applied since start. */
    public long eventsApplied() {
        return eventsApplied.get();
    }

    /** Checkpoints behind the chain head (gRPC follower); empty while unknown or with the legacy follower. */
    public OptionalLong checkpointLag() {
        WalrusFollower f = follower;
        return f == null ? OptionalLong.empty() : f.checkpointLag();
    }

    /** Now minus the timestamp of the last committed checkpoint, in seconds; empty while unknown. */
    public OptionalDouble secondsLag() {
        WalrusFollower f = follower;
        return f == null ? OptionalDouble.empty() : f.secondsLag();
    }

    @Override
    public void start() {
        running = true;
        if (!props.followChain()) {
            return;
        }
        starter = Thread.ofVirtual().name("chain-sync-start").start(this::connect);
    }

    private void connect() {
        Duration delay = Duration.ofMillis(200);
        while (running) {
            try {
                WalrusNetwork network = chain.network();
                reader = chain.reader();
                refreshCommittee();
                long epoch = state.get().epoch();
                for (ChainListener l : listeners) {
                    try {
                        l.chainConnected(epoch);
                    } catch (RuntimeException e) {
                        LOG.warn("chain listener failed: {}", e.toString(), e);
                    }
                }
                StoredCursor c = StoredCursor.open(store, chain.settings());
                cursor = c;
                FollowOptions options = FollowOptions.DEFAULT.withBackoff(chain.settings().retry().backoff())
                        .withPollInterval(props.pollInterval());
                WalrusFollower f = chain.follow(c::load, this::handle, options);
                synchronized (this) {
                    if (!running) {
                        return;
                    }
                    follower = f;
                    f.start();
                }
                LOG.info("following Walrus events of {} over {} from {}", network.name(), chain.settings().transport(), c);
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot read the chain at {} yet, retrying in {}: {}", chain.settings().rpcUrl(), delay, e.toString());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException ie) {
                    return;
                }
                delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : delay.multipliedBy(2);
            }
        }
    }

    /** Reads epoch, n and this node's shards from the chain. */
    public void refreshCommittee() {
        ChainReader r = reader;
        if (r == null) {
            throw new IllegalStateException("chain not connected");
        }
        StakingInnerV1 staking = r.stakingState();
        SystemStateInnerV1 system = r.systemState();
        long epoch = system.currentEpoch();
        List<Integer> owned = nodeId.map(id -> staking.committee().shardsOf(id)).orElse(List.of());
        List<Integer> previous = nodeId.map(id -> staking.previousCommittee().shardsOf(id)).orElse(List.of());
        state.set(new NodeState.Snapshot(epoch, staking.nShards(), Set.copyOf(owned), true,
                staking.committee().shardsByNode(), signingCommittee(system), Set.copyOf(previous)));
        LOG.info("epoch {}: n = {}, this node owns {} shards", epoch, staking.nShards(), owned.size());
        refreshNetworkAddresses(r, staking.committee().nodes());
    }

    /** The BLS committee with decoded keys; empty (logged) if a key does not decode. */
    private static Optional<SigningCommittee> signingCommittee(SystemStateInnerV1 system) {
        try {
            return Optional.of(SigningCommittee.fromChain(system.committee()));
        } catch (RuntimeException e) {
            LOG.info("the BLS committee of epoch {} is not usable for certificates: {}", system.currentEpoch(), e.toString());
            return Optional.empty();
        }
    }

    /** Reads the staking pool of every committee member other than this node for its network address. */
    private void refreshNetworkAddresses(ChainReader r, java.util.Collection<SuiAddress> members) {
        Map<SuiAddress, String> addresses = new LinkedHashMap<>(networkAddresses);
        for (SuiAddress member : members) {
            if (nodeId.isPresent() && nodeId.get().equals(member)) {
                continue;
            }
            try {
                StakingPool pool = r.stakingPool(member);
                addresses.put(member, pool.nodeInfo().networkAddress());
            } catch (RuntimeException e) {
                LOG.warn("cannot read the staking pool of committee member {}: {}", member, e.toString());
            }
        }
        addresses.keySet().retainAll(new java.util.HashSet<>(members));
        networkAddresses = Map.copyOf(addresses);
        for (Consumer<Map<SuiAddress, String>> l : addressListeners) {
            try {
                l.accept(networkAddresses);
            } catch (RuntimeException e) {
                LOG.warn("network address listener failed: {}", e.toString(), e);
            }
        }
    }

    /** The follower's batch handler: blob infos and cursor in one atomic batch (also for no events). */
    void handle(List<WalrusEventEnvelope> events, String newCursor) {
        BatchEffects fx = BatchEffects.of(events, store);
        cursor.commit(fx.changed, newCursor);
        afterCommit(events.size(), fx);
    }

    private void afterCommit(int events, BatchEffects fx) {
        eventsApplied.addAndGet(events);
        if (fx.epochSeen >= 0) {
            try {
                refreshCommittee();
            } catch (RuntimeException e) {
                LOG.warn("epoch change to {} seen but the committee could not be read: {}", fx.epochSeen, e.toString());
            }
            state.advanceEpoch(fx.epochSeen);
            long epoch = state.get().epoch();
            fx.notifications.add(l -> l.epochChanged(epoch));
        }
        for (var n : fx.notifications) {
            for (ChainListener l : listeners) {
                try {
                    n.accept(l);
                } catch (RuntimeException e) {
                    LOG.warn("chain listener failed: {}", e.toString(), e);
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = starter;
        if (t != null) {
            t.interrupt();
        }
        WalrusFollower f = follower;
        if (f != null) {
            f.stop(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the web server's graceful shutdown finishes and before the store closes
        return Integer.MAX_VALUE - 2048;
    }
}
