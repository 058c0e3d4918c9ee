package io.walrusj.indexer.follow;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.devnet.NetworkResolver;
import io.walrusj.chain.follow.Backoff;
import io.walrusj.chain.follow.EventFollower;
import io.walrusj.chain.rpc.SuiRpcClient;
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
 * Runs the chain-client {@link EventFollower} on a virtual thread from application-ready to
 * shutdown (before the database closes: this bean depends on it). A supervisor virtual thread
 * first resolves the network (retrying while the node is not up), then starts the follower and
 * polls the chain head for the lag metric every {@link #HEAD_POLL}.
 */
@Component
public class FollowerRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FollowerRunner.class);
    static final Duration HEAD_POLL = Duration.ofSeconds(10);

    private final IndexerProperties props;
    private final IngestService ingest;
    private final CursorDao cursors;
    private final IndexerMetrics metrics;

    private Thread supervisor;
    private volatile boolean stopping;
    private volatile EventFollower follower;
    private volatile SuiRpcClient rpc;
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
        if (supervisor != null && supervisor.isAlive()) {
            return;
        }
        stopping = false;
        supervisor = Thread.ofVirtual().name("indexer-follow-supervisor").start(this::supervise);
    }

    private void supervise() {
        IndexerProperties.Follow f = props.follow();
        SuiRpcClient client = SuiRpcClient.builder(props.rpcUrl()).requestTimeout(f.requestTimeout()).build();
        rpc = client;
        Backoff backoff = new Backoff(f.backoffInitial(), f.backoffMax(), 2.0, 0.5);
        try {
            WalrusNetwork net = resolve(client, backoff);
            if (net == null) {
                return;
            }
            network = net;
            CommitteeReader committees = f.readCommittee()
                    ? new CommitteeReader(new WalrusChainReader(client, net), e -> metrics.error("committee"))
                    : null;
            EventFollower ef = EventFollower.builder(client, net, new DatabaseCursorStore(cursors, ingest.stream()),
                            new IndexingBatchHandler(ingest, committees))
                    .pageSize(f.pageSize()).pollInterval(f.pollInterval()).backoff(backoff)
                    .maxConsecutiveErrors(f.maxConsecutiveErrors()).listener(metrics).build();
            synchronized (this) {
                if (stopping) {
                    return;
                }
                follower = ef;
                ef.start();
            }
            log.info("following {} events at {} (package {})", net.name(), props.rpcUrl(), net.originalPackageId());
            while (!stopping && ef.state() == EventFollower.State.RUNNING) {
                try {
                    metrics.chainHead(client.getLatestCheckpointSequenceNumber());
                } catch (RuntimeException e) {
                    log.debug("could not read the chain head: {}", e.toString());
                }
                Thread.sleep(HEAD_POLL);
            }
        } catch (InterruptedException e) {
            // stop()
        }
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

    /**
     * Stops following and waits for the running batch to finish.
     *
     * @return whether the follower's threads ended (false: one was still alive after the timeouts)
     */
    public boolean stop() {
        Thread sup;
        EventFollower ef;
        synchronized (this) {
            stopping = true;
            sup = supervisor;
            ef = follower;
            follower = null;
            supervisor = null;
        }
        boolean ended = ef == null || ef.stop(Duration.ofSeconds(30));
        if (sup != null) {
            sup.interrupt();
            try {
                ended &= sup.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = false;
            }
        }
        SuiRpcClient client = rpc;
        rpc = null;
        if (client != null) {
            client.close();
        }
        return ended;
    }

    /** The follower's state, if one was started. */
    public Optional<EventFollower.State> state() {
        EventFollower ef = follower;
        return ef == null ? Optional.empty() : Optional.of(ef.state());
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
