package io.walrusj.encoder.publish;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.devnet.Executed;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.encoder.api.DaemonException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account that pays for stores and owns the Blob objects. On the devnet WAL is a plain balance
 * (no coin objects, no gas); with the faucet allowed, the wallet tops itself up before a store it
 * could not pay for. Transactions need no serialization per sender: {@link DevnetClient} gives each
 * one a fresh nonce and the devnet executes them one at a time.
 */
public final class PublisherWallet {
    private static final Logger LOG = LoggerFactory.getLogger(PublisherWallet.class);

    private final Ed25519KeyPair key;
    private final DevnetClient devnet;
    private final boolean useFaucet;
    private final long faucetAmount;
    private final Object topUpLock = new Object();

    public PublisherWallet(Ed25519KeyPair key, DevnetClient devnet, boolean useFaucet, long faucetAmount) {
        this.key = key;
        this.devnet = devnet;
        this.useFaucet = useFaucet;
        this.faucetAmount = faucetAmount;
    }

    public SuiAddress address() {
        return key.suiAddress();
    }

    /** The WAL balance in FROST. */
    public long balance() {
        try {
            return devnet.balance(address());
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
                execute(new Call.Faucet(address(), amount), "the faucet top-up");
                LOG.info("publisher wallet {} topped up with {} FROST from the faucet", address(), amount);
            }
        }
    }

    /** Signs and executes {@code call}; failures mapped by {@link ChainFailures}. */
    public Executed execute(Call call, String what) {
        try {
            return devnet.execute(key, call);
        } catch (RuntimeException e) {
            throw ChainFailures.map(e, what);
        }
    }
}
