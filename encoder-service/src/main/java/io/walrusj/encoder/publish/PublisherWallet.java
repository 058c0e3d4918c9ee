package io.walrusj.encoder.publish;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.encoder.api.DaemonException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account that pays for stores and owns the Blob objects, writing through a {@link ChainWriter}
 * signed by its key (today the devnet writer: WAL is a plain balance, no coin objects, no gas).
 * With the faucet allowed, the wallet tops itself up before a store it could not pay for.
 * Transactions need no serialization per sender: the devnet writer gives each one a fresh nonce and
 * the devnet executes them one at a time; only top-ups are serialized.
 */
public final class PublisherWallet {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherWallet.class);

    private final ChainWriter writer;
    private final boolean useFaucet;
    private final long faucetAmount;
    private final Object topUpLock = new Object();

    public PublisherWallet(ChainWriter writer, boolean useFaucet, long faucetAmount) {
        this.writer = writer;
        this.useFaucet = useFaucet;
        this.faucetAmount = faucetAmount;
    }

    public SuiAddress address() {
        return writer.sender();
    }

    /** The WAL balance in FROST. */
    public long balance() {
        try {
            return writer.walBalance();
        } catch (RuntimeException e) {
            throw ChainFailures.map(e, "reading the wallet balance");
        }
    }

    /** Makes sure the balance covers {@code cost} (faucet top-up if allowed); 503 INSUFFICIENT_FUNDS otherwise. */
    public void ensureFunds(long cost) {
        if (balance() >= cost) {
            return;
        }
        if (!useFaucet) {
            throw DaemonException.unavailable(ChainFailures.INSUFFICIENT_FUNDS, "the publisher wallet " + address()
                    + " cannot pay the " + cost + " FROST this store costs, please retry later");
        }
        synchronized (topUpLock) { // one top-up for many concurrent stores
            long balance = balance();
            if (balance < cost) {
                long amount = Math.max(faucetAmount, cost - balance);
                write(w -> w.faucet(amount), "the faucet top-up");
                LOG.info("publisher wallet {} topped up with {} FROST from the faucet", address(), amount);
            }
        }
    }

    /** Sends one transaction through the writer; failures mapped by {@link ChainFailures}. */
    public WriteResult write(Function<ChainWriter, WriteResult> transaction, String what) {
        try {
            return transaction.apply(writer);
        } catch (RuntimeException e) {
            throw ChainFailures.map(e, what);
        }
    }
}
