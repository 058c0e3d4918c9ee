package io.walrusj.encoder.committee;

import io.walrusj.chain.ChainReader;
import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.committee.CommitteeSnapshots;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.follow.FollowOptions;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.config.EncoderProperties;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The encoder's view of the chain: the {@link Chain}'s reader (gRPC by default, legacy JSON-RPC by
 * configuration; transport failures retried by the chain's policy) and the current committee. The
 * chain may be down when the service starts: everything is resolved lazily, and callers get a 503
 * ({@link DaemonException}) until it answers.
 *
 * <p>The committee is read once the chain answers, then again on every epoch change: the chain's
 * {@link WalrusFollower} re-reads it on {@code EpochChangeStart} / {@code EpochChangeDone}
 * ({@link EpochChanges}). Over gRPC it is the checkpoint follower, started from the chain's latest
 * checkpoint with an in-memory cursor (the encoder is stateless: after a restart it reads the
 * committee anew and follows from the then latest checkpoint); over the legacy JSON-RPC the event
 * query follower (from the first event). Until the follower runs, the view retries every
 * {@code encoder.committee-refresh}. Stores also re-read the committee when the system object names
 * a newer epoch, or confirmations come for one.
 */
@Component
public class ChainView {
    private static final Logger LOG = LoggerFactory.getLogger(ChainView.class);

    private final EncoderProperties props;
    private final Chain chain;
    private final AtomicReference<CommitteeSnapshot> committee = new AtomicReference<>();
    private volatile WalrusFollower follower;

    public ChainView(EncoderProperties props, Chain chain) {
        this.props = props;
        this.chain = chain;
    }

    /** The chain's reader; its failures are the client's {@link io.walrusj.chain.ChainException}s (callers map them to 503). */
    public ChainReader reader() {
        return chain.reader();
    }

    /**
     * The current committee (cached); read now if none is cached yet or the cached one is empty.
     *
     * @throws DaemonException 503 if the chain cannot be read or no committee exists yet
     */
    public CommitteeSnapshot committee() {
        CommitteeSnapshot c = committee.get();
        if (c == null || c.isEmpty()) {
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
        } catch (RuntimeException e) {
            throw DaemonException.chainUnavailable(e);
        }
    }

    /** Until the follower runs: start following epoch changes (resolves the network), then read the committee. */
    @Scheduled(fixedDelayString = "${encoder.committee-refresh:5s}", initialDelay = 0)
    void connect() {
        if (follower != null) {
            return;
        }
        try {
            startFollower();
            refresh();
        } catch (RuntimeException e) {
            LOG.debug("chain not readable yet: {}", e.getMessage());
        }
    }

    /** The follower's state, if it was started. */
    public Optional<WalrusFollower.State> followerState() {
        WalrusFollower f = follower;
        return f == null ? Optional.empty() : Optional.of(f.state());
    }

    private synchronized void startFollower() {
        if (follower != null) {
            return;
        }
        EpochChanges epochChanges = new EpochChanges(this::refresh);
        WalrusFollower f = chain.follow(epochChanges, epochChanges,
                FollowOptions.DEFAULT.withBackoff(chain.settings().retry().backoff()).withStartFromLatest(true));
        f.start();
        follower = f;
        LOG.info("following epoch changes of Walrus network {} over {}", chain.network().name(), props.chainTransport());
    }

    @PreDestroy
    synchronized void stop() {
        if (follower != null) {
            follower.close();
        }
    }
}
