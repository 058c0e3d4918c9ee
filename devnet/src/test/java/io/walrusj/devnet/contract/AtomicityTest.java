package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ALICE;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.SuiAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Every transaction is all-or-nothing for every piece of state: a rejection anywhere, including a
 * u64 overflow found only when the effects are totalled, leaves the state digest (every object,
 * balance and the mint/burn totals) unchanged, and an operation cannot reach a committed object.
 */
class AtomicityTest {

    /** A chain whose faucet mints up to u64::MAX per call, so the u64 totals are reachable. */
    private static TestChain uncappedFaucet() {
        return new TestChain(WalrusSystem.genesis(TestChain.genesis(true, true, U64.MAX)));
    }

    @Test
    void aFaucetWhoseMintOverflowsTheTotalChangesNoBalance() {
        // The probe: 2^63-1 to self, then 2^63 to self. The account's balance would fit in u64
        // (2^64-1); the chain's total minted (which includes the genesis stakes) does not.
        TestChain c = uncappedFaucet();
        c.exec(BOB, new Call.Faucet(BOB, Long.MAX_VALUE));
        long minted = c.system.totalMinted();
        c.rejected(BOB, new Call.Faucet(BOB, Long.MIN_VALUE), AbortReason.EArithmeticError);
        assertThat(c.system.balance(BOB)).isEqualTo(Long.MAX_VALUE);
        assertThat(c.system.totalMinted()).isEqualTo(minted);
    }

    @Test
    void aStorageReservationRejectedAfterItsPaymentChangesNothing() {
        // ReserveSpace pays (debits the sender, fills the epochs' reward buckets) before the
        // capacity check fails: the payment must not survive the abort.
        TestChain c = uncappedFaucet();
        c.exec(ALICE, new Call.Faucet(ALICE, 1L << 62));
        c.rejected(ALICE, new Call.ReserveSpace(U64.MAX, 2), AbortReason.EStorageExceeded);
        c.exec(ALICE, new Call.ReserveSpace(1 << 20, 1)); // the chain still works
    }

    @Test
    void aValueWithoutBcsEncodingIsRejectedWithoutTrace() {
        TestChain c = TestChain.withCommittee();
        SuiAddress storage = c.reserve(ALICE, 10_680, 2);
        TestChain.TestBlob blob = TestChain.blob(7, 1000);
        SuiAddress object = c.register(ALICE, storage, blob, true);
        // an unpaired surrogate has no UTF-8 encoding: found only when the objects are rendered
        c.rejected(ALICE, new Call.SetBlobAttribute(object, "k", "\uD800"), AbortReason.EInvalidArgument);
    }

    @Test
    void anOperationCannotChangeACommittedObjectItOnlyReads() {
        Genesis genesis = TestChain.genesis(true, true);
        ChainContext chain = ChainContext.of(genesis);
        ObjectStore store = new ObjectStore(chain.types());
        GenesisBuilder.build(store, chain);
        String before = HexFormat.of().formatHex(store.stateDigest());
        Tx tx = new Tx(store, new TxContext(ALICE, TestChain.digest(1), TestChain.START_MS), chain);
        // an operation that wrongly changes what it read (instead of calling modify) ...
        tx.system().usedCapacitySize = 12345;
        tx.staking().activeSet.insertOrUpdate(TestChain.NODE_IDS.get(0), 1);
        tx.read(TestChain.NODE_IDS.get(1), StakingPool.class).nodeCapacityVote = 7;
        // ... and is then abandoned (as an abort abandons it): the ledger is as it was
        assertThat(HexFormat.of().formatHex(store.stateDigest())).isEqualTo(before);
    }

    @Test
    void aPreparedTransactionChangesNothingUntilCommittedAndOnlyOnItsOwnBase() {
        TestChain c = TestChain.withCommittee();
        byte[] before = c.system.stateDigest();
        PreparedTransaction faucet = c.system.prepare(c.ctx(BOB), new Call.Faucet(BOB, 5));
        assertThat(c.system.stateDigest()).isEqualTo(before);
        assertThat(c.system.balance(BOB)).isZero();
        PreparedTransaction other = c.system.prepare(c.ctx(ALICE), new Call.TransferWal(BOB, 1));
        faucet.commit();
        assertThat(c.system.balance(BOB)).isEqualTo(5);
        assertThatThrownBy(other::commit).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(faucet::commit).isInstanceOf(IllegalStateException.class);
        assertThat(c.system.balance(BOB)).isEqualTo(5);
        assertThat(c.system.balance(ALICE)).isEqualTo(TestChain.ALICE_FUNDS);
    }
}
