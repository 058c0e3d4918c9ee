package io.walrusj.indexer.follow;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.factory.Chains;
import io.walrusj.chain.factory.RetryPolicy;
import io.walrusj.chain.follow.Backoff;
import io.walrusj.chain.follow.FollowOptions;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.indexer.IndexerProperties;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.metrics.IndexerMetrics;
import io.walrusj.indexer.store.CursorDao;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the chain follower from application-ready to shutdown (before the database closes: this
 * bean depends on it). The chain comes from chain-client's factory ({@link Chains#open}): by default
 * the gRPC checkpoint follower ({@code indexer.transport=grpc}), or the legacy JSON-RPC event
 * follower ({@code jsonrpc}), and the committee reads through its {@code ChainReader}. A supervisor
 * virtual thread first resolves the network (retrying while the node is not up), then starts the
 * follower, which runs on its own virtual thread.
 */
@Component
public class FollowerRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FollowerRunner.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final IndexerProperties props;
    private final IngestService ingest;
    private final CursorDao cursors;
    private final IndexerMetrics metrics;

    private Thread supervisor;
    private volatile boolean stopping;
    private boolean resolving; // guarded by this: only then may stop() interrupt the supervisor (never during JDBC)
    private volatile WalrusFollower follower;
    private volatile Chain chain;
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
        ChainSettings settings;
        try {
            settings = ChainSettings.of(props.rpcUrl()).withNetwork(props.network())
                    .withIds(props.packageId(), props.systemObjectId(), props.stakingObjectId())
                    .withTransport(ChainSettings.Transport.parse(props.transport()))
                    .withTimeouts(CONNECT_TIMEOUT, f.requestTimeout()).withRetry(new RetryPolicy(backoff, 5));
        } catch (IllegalArgumentException e) {
            log.error("cannot follow: {}", e.getMessage());
            metrics.error("fatal");
            return;
        }
        Chain c = Chains.open(settings);
        chain = c;
        try {
            WalrusNetwork net = resolve(c, backoff);
            synchronized (this) {
                resolving = false;
                if (net == null || stopping) {
                    return; // stop() closes the chain
                }
            }
            Thread.interrupted(); // a stop() that raced with the end of resolve(); stopping tells
            network = net;
            WalrusFollower wf = follow(c, settings.transport(), f, backoff);
            synchronized (this) {
                if (stopping) {
                    wf.stop(Duration.ofSeconds(30));
                } else {
                    follower = wf;
                }
            }
            log.info("following {} events over {} at {} (package {})", net.name(), settings.transport(),
                    props.rpcUrl(), net.originalPackageId());
        } catch (InterruptedException e) {
            // stop() during resolve()
        }
    }

    private WalrusFollower follow(Chain c, ChainSettings.Transport transport, IndexerProperties.Follow f,
            Backoff backoff) {
        DatabaseCursorStore store = new DatabaseCursorStore(cursors, ingest.stream());
        String prefix = transport == ChainSettings.Transport.GRPC ? "checkpoint:" : "event:";
        if (store.holdsCursorOtherThan(prefix)) {
            log.warn("the stored cursor {} was written by the other transport and cannot resume {}: discarding "
                    + "everything indexed and re-indexing from the start", store.load().orElseThrow(), transport);
            cursors.discardAll();
        }
        CommitteeReader committees = f.readCommittee()
                ? new CommitteeReader(c.reader()::stakingState, e -> metrics.error("committee"))
                : null;
        WalrusFollower wf = c.follow(store, new IndexingBatchHandler(ingest, committees), FollowOptions.DEFAULT
                .withBackoff(backoff).withMaxConsecutiveErrors(f.maxConsecutiveErrors())
                .withPollInterval(f.pollInterval()).withStallTimeout(f.stallTimeout()).withListener(metrics));
        metrics.follow(wf);
        wf.start();
        return wf;
    }

    private WalrusNetwork resolve(Chain c, Backoff backoff) throws InterruptedException {
        for (int attempt = 1; !stopping; attempt++) {
            try {
                return c.network();
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

    /**
     * Stops following and waits for the running batch to finish.
     *
     * @return whether the follower's threads ended (false: one was still alive after the timeouts)
     */
    public boolean stop() {
        Thread sup;
        WalrusFollower running;
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
            ended &= running.stop(Duration.ofSeconds(30));
        }
        metrics.follow(null);
        Chain c = chain;
        chain = null;
        if (c != null) {
            c.close();
        }
        return ended;
    }

    /** The follower's state, if one was started. */
    public Optional<WalrusFollower.State> state() {
        WalrusFollower f = follower;
        return f == null ? Optional.empty() : Optional.of(f.state());
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
