package io.walrusj.encoder.committee;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.committee.CommitteeSnapshots;
import io.walrusj.chain.devnet.NetworkResolver;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.config.EncoderProperties;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The encoder's view of the chain: the resolved network, a {@link WalrusChainReader} and the current
 * committee, re-read every {@code encoder.committee-refresh} and on demand. The chain may be down
 * when the service starts: everything is resolved lazily, and callers get a 503
 * ({@link DaemonException}) until it answers.
 */
@Component
public class ChainView {
    private static final Logger LOG = LoggerFactory.getLogger(ChainView.class);

    private final EncoderProperties props;
    private final SuiRpcClient rpc;
    private final AtomicReference<WalrusChainReader> reader = new AtomicReference<>();
    private final AtomicReference<CommitteeSnapshot> committee = new AtomicReference<>();

    public ChainView(EncoderProperties props, SuiRpcClient rpc) {
        this.props = props;
        this.rpc = rpc;
    }

    public SuiRpcClient rpc() {
        return rpc;
    }

    /** The chain reader; 503 BLOB_UNAVAILABLE-style error if the chain cannot be reached. */
    public WalrusChainReader reader() {
        WalrusChainReader r = reader.get();
        if (r != null) {
            return r;
        }
        try {
            WalrusNetwork network = NetworkResolver.resolve(null, props.packageId(), props.systemObjectId(),
                    props.stakingObjectId(), rpc);
            r = new WalrusChainReader(rpc, network);
            reader.compareAndSet(null, r);
            LOG.info("reading Walrus network {} (package {})", network.name(), network.originalPackageId());
            return reader.get();
        } catch (RuntimeException e) {
            throw DaemonException.chainUnavailable(e);
        }
    }

    /**
     * The current committee (cached); re-read if none is cached yet.
     *
     * @throws DaemonException 503 if the chain cannot be read or no committee exists yet
     */
    public CommitteeSnapshot committee() {
        CommitteeSnapshot c = committee.get();
        if (c == null) {
            c = refresh();
        }
        if (c.isEmpty()) {
            throw DaemonException.unavailable("NO_COMMITTEE", "the chain has no storage committee yet (epoch " + c.epoch() + ")");
        }
        return c;
    }

    /** The cached committee without touching the chain. */
    public Optional<CommitteeSnapshot> cachedCommittee() {
        return Optional.ofNullable(committee.get());
    }

    /** Re-reads the committee now (after an epoch change was noticed, or a signature did not verify). */
    public CommitteeSnapshot refresh() {
        try {
            CommitteeSnapshot c = CommitteeSnapshots.read(reader(), props.nodeScheme());
            CommitteeSnapshot previous = committee.getAndSet(c);
            if (previous == null || previous.epoch() != c.epoch() || previous.members().size() != c.members().size()) {
                LOG.info("committee of epoch {}: {} members, {} shards", c.epoch(), c.members().size(), c.nShards());
            }
            return c;
        } catch (DaemonException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DaemonException.chainUnavailable(e);
        }
    }

    @Scheduled(fixedDelayString = "${encoder.committee-refresh:5s}", initialDelay = 0)
    void scheduledRefresh() {
        try {
            refresh();
        } catch (DaemonException e) {
            LOG.debug("committee refresh failed: {}", e.getMessage());
        }
    }
}
