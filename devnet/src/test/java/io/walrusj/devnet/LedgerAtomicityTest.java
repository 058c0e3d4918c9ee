package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetTransaction;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.devnet.ledger.CommittedTransaction;
import io.walrusj.devnet.ledger.Ledger;
import io.walrusj.devnet.ledger.LedgerStore;
import io.walrusj.devnet.ledger.StoredTransaction;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A rejected transaction changes nothing, in memory or in PostgreSQL, and a restart that replays the
 * log agrees with the running node; a database failure while a transaction is persisted leaves the
 * state in memory as it was.
 */
class LedgerAtomicityTest extends DevnetHttpTest {
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aFaucetOverflowingTheMintedTotalIsRejectedAndChangesNothing() throws Exception {
        // The probe, with the faucet cap at 2^63-1: two accounts each mint 2^63-1 FROST to themselves.
        // The second account's balance fits a u64; the chain's total minted does not.
        Ed25519KeyPair first = Ed25519KeyPair.fromSeed(seed(101));
        Ed25519KeyPair second = Ed25519KeyPair.fromSeed(seed(102));
        assertThat(send(first, new Call.Faucet(first.suiAddress(), Long.MAX_VALUE)).has("result")).isTrue();
        String digest = stateDigest();
        long checkpoint = latestCheckpoint();

        JsonNode rejected = send(second, new Call.Faucet(second.suiAddress(), Long.MAX_VALUE));
        assertThat(rejected.get("error").get("data").get("reason").asString()).isEqualTo("EArithmeticError");
        // over the cap: a Move-style abort before anything else
        JsonNode overCap = send(second, new Call.Faucet(second.suiAddress(), Long.MIN_VALUE));
        assertThat(overCap.get("error").get("data").get("reason").asString()).isEqualTo("EFaucetAmountTooLarge");

        assertThat(balanceOf(second)).isZero();
        assertThat(stateDigest()).isEqualTo(digest);
        assertThat(latestCheckpoint()).isEqualTo(checkpoint);
        assertThat(HexFormat.of().formatHex(restarted(store).stateDigest())).isEqualTo(digest);
    }

    @Test
    void advanceEpochFromAStrangerIsRefused() throws Exception {
        Ed25519KeyPair stranger = Ed25519KeyPair.fromSeed(seed(103));
        send(stranger, new Call.Faucet(stranger.suiAddress(), 1_000_000_000_000L));
        long epoch = ledger.system().currentEpoch();
        String digest = stateDigest();
        JsonNode refused = send(stranger, new Call.AdvanceEpoch());
        assertThat(refused.get("error").get("code").asInt()).isEqualTo(-32002);
        assertThat(refused.get("error").get("data").get("reason").asString()).isEqualTo("ENotAuthorized");
        assertThat(refused.get("error").get("message").asString()).contains("devnet::7");
        assertThat(stateDigest()).isEqualTo(digest);
        assertThat(ledger.system().currentEpoch()).isEqualTo(epoch);
        // (the admin's AdvanceEpoch is accepted: PrivilegedCallsTest; this shared chain stays in its epoch)
    }

    @Test
    void aDatabaseFailureWhilePersistingLeavesMemoryAsItWas() {
        FailingStore failing = new FailingStore();
        Ledger node = restarted(failing);
        byte[] before = node.stateDigest();
        DevnetTransaction.Signed tx = DevnetTransaction.sign(USER, nonce.incrementAndGet(),
                new Call.Faucet(USER.suiAddress(), 777));
        failing.down = true; // the append fails, and so does the rebuild from the log
        assertThatThrownBy(() -> node.submit(tx.txBytes(), tx.signature())).hasMessageContaining("database down");
        assertThat(node.stateDigest()).isEqualTo(before);
        assertThat(store.transactionSequence(DevnetTransaction.digest(tx.txBytes()))).isEmpty();

        failing.down = false;
        assertThat(restarted(store).stateDigest()).isEqualTo(node.stateDigest());
        // the same transaction goes through once the database is back
        long balance = ledger.system().balance(USER.suiAddress());
        ledger.submit(tx.txBytes(), tx.signature());
        assertThat(ledger.system().balance(USER.suiAddress())).isEqualTo(balance + 777);
    }

    /** The real store, except that it fails while {@link #down}. */
    private final class FailingStore extends LedgerStore {
        volatile boolean down;

        FailingStore() {
            super(jdbc, transactions);
        }

        @Override
        public void append(CommittedTransaction committed) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            super.append(committed);
        }

        @Override
        public void forEachTransaction(Consumer<StoredTransaction> consumer) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            super.forEachTransaction(consumer);
        }
    }

    private JsonNode send(Ed25519KeyPair key, Call call) throws Exception {
        DevnetTransaction.Signed tx = DevnetTransaction.sign(key, nonce.incrementAndGet(), call);
        return call("devnet_executeTransaction", params(tx.txBytes(), tx.signature().toBase64()));
    }

    private long balanceOf(Ed25519KeyPair key) throws Exception {
        return Long.parseUnsignedLong(result("suix_getBalance", "[\"" + key.suiAddress() + "\"]").get("totalBalance").asString());
    }

    private static byte[] seed(int i) {
        byte[] seed = new byte[32];
        seed[31] = (byte) i;
        return seed;
    }
}
