package io.walrusj.devnet.ledger;

import io.walrusj.chain.devnet.Call;
import io.walrusj.devnet.config.DevnetProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drives epochs on the configured duration: when the current epoch has run its time, the devnet
 * submits an {@code AdvanceEpoch} system transaction (voting end, epoch change and every node's
 * sync-done at once), which on Walrus the storage nodes would trigger step by step. With
 * {@code devnet.first-committee-candidates = k > 0} it also forms the first committee as soon as k
 * self-registered nodes have staked (a local network whose nodes register themselves).
 */
@Component
public class EpochClock {
    private static final Logger log = LoggerFactory.getLogger(EpochClock.class);

    private final Ledger ledger;
    private final int firstCommitteeCandidates;

    public EpochClock(Ledger ledger, DevnetProperties properties) {
        this.ledger = ledger;
        this.firstCommitteeCandidates = properties.firstCommitteeCandidates();
    }

    @Scheduled(fixedDelayString = "${devnet.epoch-check-interval:1s}")
    public void tick() {
        if (ledger.epochChangeDue() || ledger.firstCommitteeDue(firstCommitteeCandidates)) {
            try {
                Ledger.Executed executed = ledger.submitSystem(new Call.AdvanceEpoch());
                log.info("epoch advanced to {} at checkpoint {}", ledger.system().currentEpoch(),
                        executed.checkpoint().sequenceNumber());
            } catch (TransactionRejectedException e) {
                log.warn("epoch change rejected: {}", e.getMessage());
            }
        }
    }
}
