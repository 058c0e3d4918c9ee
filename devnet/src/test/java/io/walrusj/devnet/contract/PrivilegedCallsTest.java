package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ADMIN;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetTransaction;
import org.junit.jupiter.api.Test;

/**
 * The devnet's privileged entry point (AdvanceEpoch: ends the epoch ignoring the clock) is reserved
 * to the chain itself and the genesis admin; the faucet mints at most the genesis cap per call.
 */
class PrivilegedCallsTest {

    @Test
    void advanceEpochIsReservedToTheChainAndTheAdmin() {
        TestChain c = TestChain.withCommittee();
        long epoch = c.system.currentEpoch();
        ContractException e = c.rejected(BOB, new Call.AdvanceEpoch(), AbortReason.ENotAuthorized);
        assertThat(e.getMessage()).contains("devnet::7");
        // a well-funded stranger is no different
        c.exec(BOB, new Call.Faucet(BOB, Genesis.DEFAULT_FAUCET_MAX_AMOUNT));
        c.rejected(BOB, new Call.AdvanceEpoch(), AbortReason.ENotAuthorized);
        assertThat(c.system.currentEpoch()).isEqualTo(epoch);

        c.exec(DevnetTransaction.SYSTEM, new Call.AdvanceEpoch()); // the epoch clock's sender
        c.exec(ADMIN, new Call.AdvanceEpoch());
        assertThat(c.system.currentEpoch()).isEqualTo(epoch + 2);
    }

    @Test
    void withoutAnAdminOnlyTheChainAdvancesEpochs() {
        Genesis g = TestChain.genesis(true, true);
        Genesis noAdmin = new Genesis(g.nShards(), g.epochDurationMs(), g.firstEpochStartMs(), g.maxEpochsAhead(),
                g.storagePricePerUnit(), g.writePricePerUnit(), g.totalCapacity(), g.packageId(), g.systemObjectId(),
                g.stakingObjectId(), g.fundedAccounts(), g.initialCommittee(), g.faucetEnabled());
        TestChain c = new TestChain(WalrusSystem.genesis(noAdmin));
        c.rejected(ADMIN, new Call.AdvanceEpoch(), AbortReason.ENotAuthorized);
        c.exec(DevnetTransaction.SYSTEM, new Call.AdvanceEpoch());
        assertThat(c.system.currentEpoch()).isEqualTo(2);
    }

    @Test
    void theFaucetMintsAtMostItsCapPerCall() {
        TestChain c = new TestChain(WalrusSystem.genesis(TestChain.genesis(true, true, 1000)));
        c.rejected(BOB, new Call.Faucet(BOB, 1001), AbortReason.EFaucetAmountTooLarge);
        c.rejected(BOB, new Call.Faucet(BOB, -1L), AbortReason.EFaucetAmountTooLarge); // u64::MAX, not -1
        c.exec(BOB, new Call.Faucet(BOB, 1000));
        assertThat(c.system.balance(BOB)).isEqualTo(1000);
        // the default cap is 1,000,000 WAL
        TestChain d = TestChain.withCommittee();
        d.rejected(BOB, new Call.Faucet(BOB, Genesis.DEFAULT_FAUCET_MAX_AMOUNT + 1), AbortReason.EFaucetAmountTooLarge);
    }
}
