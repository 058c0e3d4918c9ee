package io.walrusj.indexer.follow;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.devnet.NetworkResolver;
import io.walrusj.chain.follow.Backoff;
import io.walrusj.chain.follow.CheckpointFollower;
import io.walrusj.chain.follow.EventFollower;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.indexer.IndexerProperties;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.metrics.IndexerMetrics;
import io.walrusj.indexer.store.CursorDao;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the chain follower from application-ready to shutdown (before the database closes: this
 * bean depends on it): by default chain-client's {@link CheckpointFollower} over Sui gRPC
 * ({@code indexer.transport=grpc}), or the legacy {@link EventFollower} over JSON-RPC
 * ({@code jsonrpc}). A supervisor virtual thread first resolves the network (retrying while the
 * node is not up), then starts the follower, which runs on its own virtual thread.
 */
@Component
public class FollowerRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FollowerRunner.class);

    /** A started follower of either transport. */
    private record Running(Supplier<String> state, Predicate<Duration> stop) {
    }

    private final IndexerProperties props;
    private final IngestService ingest;
    private final CursorDao cursors;
    private final IndexerMetrics metrics;

    private Thread supervisor;
    private volatile boolean stopping;
    private boolean resolving; // guarded by this: only then may stop() interrupt the supervisor (never during JDBC)
    private volatile Running follower;
    private final List<AutoCloseable> clients = new ArrayList<>(); // guarded by this
    private volatile WalrusNetwork network;

    public FollowerRunner(IndexerProperties props, IngestService ingest, CursorDao cursors, IndexerMetrics metrics) {
        this.props = props;
        this.ingest = ingest;
        this.cursors = cursors;
        this.metrics = metrics;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (props.follow().enabled()) {
            start();
        } else {
            log.info("event following disabled (indexer.follow.enabled=false)");
        }
    }

    /** Starts following (no-op if running). */
    public synchronized void start() {
        if (supervisor != null && supervisor.isAlive() || follower != null) {
            return;
        }
        stopping = false;
        resolving = true;
        supervisor = Thread.ofVirtual().name("indexer-follow-supervisor").start(this::supervise);
    }

    private void supervise() {
        IndexerProperties.Follow f = props.follow();
        Backoff backoff = new Backoff(f.backoffInitial(), f.backoffMax(), 2.0, 0.5);
        // JSON-RPC: devnet_getChainInfo for IDs left empty (the devnet serves both on one URL), and the legacy follower
        SuiRpcClient rpc = own(SuiRpcClient.builder(props.rpcUrl()).requestTimeout(f.requestTimeout()).build());
        try {
            WalrusNetwork net = resolve(rpc, backoff);
            synchronized (this) {
                resolving = false;
                if (net == null || stopping) {
                    return;
                }
            }
            Thread.interrupted(); // a stop() that raced with the end of resolve(); stopping tells
            network = net;
            DatabaseCursorStore store = new DatabaseCursorStore(cursors, ingest.stream());
            Running running = switch (props.transport()) {
                case "grpc" -> checkpointFollower(net, store, backoff);
                case "jsonrpc" -> eventFollower(rpc, net, store, backoff);
                default -> {
                    log.error("cannot follow: indexer.transport must be grpc or jsonrpc, got '{}'", props.transport());
                    metrics.error("fatal");
                    yield null;
                }
            };
            synchronized (this) {
                if (running != null && stopping) {
                    running.stop().test(Duration.ofSeconds(30));
                } else {
                    follower = running;
                }
            }
        } catch (InterruptedException e) {
            // stop() during resolve()
        }
    }

    private Running checkpointFollower(WalrusNetwork net, DatabaseCursorStore store, Backoff backoff) {
        IndexerProperties.Follow f = props.follow();
        if (store.holdsLegacyCursor()) {
            log.warn("the database holds a cursor of the legacy JSON-RPC event follower, which a checkpoint cursor "
                    + "cannot continue: discarding everything indexed and re-indexing from checkpoint {} over gRPC",
                    f.startCheckpoint());
            cursors.discardAll();
        }
        URI u = props.rpcUrl();
        SuiGrpcClient sui = own(SuiGrpcClient.builder(u.getScheme() + "://" + u.getRawAuthority())
                .callTimeout(f.requestTimeout()).build());
        CommitteeReader committees = f.readCommittee()
                ? new CommitteeReader(new GrpcStakingReader(sui, net.stakingObjectId()), e -> metrics.error("committee"))
                : null;
        CheckpointFollower cf = CheckpointFollower.builder(sui, net, store, new IndexingBatchHandler(ingest, committees))
                .startFromCheckpoint(f.startCheckpoint()).maxBatchEvents(f.maxBatchEvents())
                .stallTimeout(f.stallTimeout()).backoff(backoff).maxConsecutiveErrors(f.maxConsecutiveErrors())
                .listener(metrics).build();
        metrics.follow(cf);
        cf.start();
        log.info("following {} checkpoints over gRPC at {} (package {})", net.name(), props.rpcUrl(),
                net.originalPackageId());
        return new Running(() -> cf.state().name(), cf::stop);
    }

    private Running eventFollower(SuiRpcClient rpc, WalrusNetwork net, DatabaseCursorStore store, Backoff backoff) {
        IndexerProperties.Follow f = props.follow();
        CommitteeReader committees = f.readCommittee()
                ? new CommitteeReader(new WalrusChainReader(rpc, net)::stakingState, e -> metrics.error("committee"))
                : null;
        EventFollower ef = EventFollower.builder(rpc, net, store.legacy(), new IndexingBatchHandler(ingest, committees))
                .pageSize(f.pageSize()).pollInterval(f.pollInterval()).backoff(backoff)
                .maxConsecutiveErrors(f.maxConsecutiveErrors()).listener(metrics).build();
        ef.start();
        log.info("following {} events over legacy JSON-RPC at {} (package {})", net.name(), props.rpcUrl(),
                net.originalPackageId());
        return new Running(() -> ef.state().name(), ef::stop);
    }

    private WalrusNetwork resolve(SuiRpcClient client, Backoff backoff) throws InterruptedException {
        for (int attempt = 1; !stopping; attempt++) {
            try {
                return NetworkResolver.resolve(props.network(), props.packageId(), props.systemObjectId(),
                        props.stakingObjectId(), client);
            } catch (IllegalArgumentException e) {
                log.error("cannot follow: {}", e.getMessage());
                metrics.error("fatal");
                return null;
            } catch (RuntimeException e) {
                Duration delay = backoff.base(Math.min(attempt, 30));
                log.warn("cannot resolve the Walrus network at {} ({}), retrying in {}", props.rpcUrl(), e.toString(),
                        delay);
                metrics.error("poll");
                Thread.sleep(delay);
            }
        }
        return null;
    }

    private synchronized <T extends AutoCloseable> T own(T client) {
        clients.add(client);
        return client;
    }

    /**
     * Stops following and waits for the running batch to finish.
     *
     * @return whether the follower's threads ended (false: one was still alive after the timeouts)
     */
    public boolean stop() {
        Thread sup;
        Running running;
        synchronized (this) {
            stopping = true;
            sup = supervisor;
            running = follower;
            follower = null;
            supervisor = null;
        }
        boolean ended = true;
        if (sup != null) {
            synchronized (this) {
                if (resolving) {
                    sup.interrupt();
                }
            }
            try {
                ended = sup.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
        }
        if (running != null) {
            ended &= running.stop().test(Duration.ofSeconds(30));
        }
        metrics.follow(null);
        List<AutoCloseable> owned;
        synchronized (this) {
            owned = List.copyOf(clients);
            clients.clear();
        }
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing {}: {}", c, e.toString());
            }
        }
        return ended;
    }

    /** The follower's state ({@code RUNNING}, {@code STOPPED}, {@code FAILED}, ...), if one was started. */
    public Optional<String> state() {
        Running r = follower;
        return r == null ? Optional.empty() : Optional.of(r.state().get());
    }

    /** The network being followed, once resolved. */
    public Optional<WalrusNetwork> network() {
        return Optional.ofNullable(network);
    }

    @Override
    public void destroy() {
        stop();
    }
}
