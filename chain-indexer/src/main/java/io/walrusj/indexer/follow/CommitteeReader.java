package io.walrusj.indexer.follow;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.model.Committee;
import io.walrusj.chain.model.StakingInnerV1;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
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

    private final WalrusChainReader chain;
    private final Consumer<Exception> onError;

    public CommitteeReader(WalrusChainReader chain, Consumer<Exception> onError) {
        this.chain = chain;
        this.onError = onError;
    }

    /** Committees by epoch that the chain still knows around {@code epoch}. */
    public Map<Long, Committee> around(long epoch) {
        Map<Long, Committee> out = new HashMap<>();
        try {
            StakingInnerV1 staking = chain.stakingState();
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
