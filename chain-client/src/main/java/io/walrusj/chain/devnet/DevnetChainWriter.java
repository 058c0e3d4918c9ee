package io.walrusj.chain.devnet;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/** {@link ChainWriter} over the devnet's transaction format ({@link DevnetClient#execute}), signed by one key. */
public final class DevnetChainWriter extends CallChainWriter {

    private final DevnetClient devnet;
    private final Ed25519KeyPair key;

    public DevnetChainWriter(DevnetClient devnet, Ed25519KeyPair key) {
        this.devnet = Objects.requireNonNull(devnet, "devnet");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Maps an executed devnet transaction (digest, created objects). */
    public static WriteResult result(Executed e) {
        return new WriteResult(e.digest(), e.objectChanges().stream().filter(Executed.ObjectChange::isCreated)
                .map(c -> new WriteResult.Created(c.objectId(), c.objectType())).toList());
    }

    @Override
    protected WriteResult run(Call call) {
        return result(devnet.execute(key, call));
    }

    @Override
    public SuiAddress sender() {
        return key.suiAddress();
    }

    @Override
    public long walBalance() {
        return devnet.balance(key.suiAddress());
    }
}
