package io.walrusj.indexer.follow;

import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.StakingInnerV1;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads committees from the Staking object for an {@code EpochChangeStart(epoch)}. The chain only
 * holds the current and the previous committee, so this succeeds for {@code epoch} only while the
 * chain is at {@code epoch} (then epoch - 1 comes too) or at {@code epoch + 1}; when catching up on
 * old events it returns nothing. Failures (e.g. a server that does not serve the Staking object)
 * are logged and give nothing: the events are indexed all the same.
 */
public final class CommitteeReader {

    private static final Logger log = LoggerFactory.getLogger(CommitteeReader.class);

    private final Supplier<StakingInnerV1> staking;
    private final Consumer<Exception> onError;

    /** @param staking reads the Staking object's inner state from the chain (whatever the transport) */
    public CommitteeReader(Supplier<StakingInnerV1> staking, Consumer<Exception> onError) {
        this.staking = staking;
        this.onError = onError;
    }

    /** Committees by epoch that the chain still knows around {@code epoch}. */
    public Map<Long, Committee> around(long epoch) {
        Map<Long, Committee> out = new HashMap<>();
        try {
            StakingInnerV1 staking = this.staking.get();
            if (staking.epoch() == epoch) {
                out.put(epoch, staking.committee());
                if (epoch > 0 && !staking.previousCommittee().shardsByNode().isEmpty()) {
                    out.put(epoch - 1, staking.previousCommittee());
                }
            } else if (staking.epoch() == epoch + 1) {
                out.put(epoch, staking.previousCommittee());
            } else {
                log.info("committee of epoch {} is no longer on chain (chain is at epoch {})", epoch, staking.epoch());
            }
        } catch (RuntimeException e) {
            log.warn("could not read the committee of epoch {}: {}", epoch, e.toString());
            onError.accept(e);
        }
        return out;
    }
}
