package io.walrusj.chain.testing;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.CallChainWriter;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ChainWriter} that records every call in its {@link FakeSuiChain} ({@link FakeSuiChain#writes()},
 * as the devnet {@link Call} it corresponds to) without signing, and answers the created objects
 * the devnet would (fresh ids). Like {@code devnet_executeTransaction} on the fake, it does not
 * change the chain's state: a test applies the effects it needs ({@code emit}, {@code blob}, ...).
 * {@link #walBalance()} is the chain's {@link FakeSuiChain#WAL_COIN_TYPE} balance of the sender.
 */
public final class FakeChainWriter extends CallChainWriter {

    private static final AtomicLong DIGESTS = new AtomicLong();

    private final FakeSuiChain chain;
    private final SuiAddress sender;

    public FakeChainWriter(FakeSuiChain chain, SuiAddress sender) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    protected WriteResult run(Call call) {
        byte[] d = new byte[32];
        long n = DIGESTS.incrementAndGet();
        for (int i = 0; i < 8; i++) {
            d[i] = (byte) (n >>> (8 * i));
        }
        d[31] = (byte) 0xfa;
        FakeWrite w = chain.recordWrite(sender, call, Base58.encode(d));
        List<String> types = JsonRpcFrontend.createdTypes(call);
        List<WriteResult.Created> created = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            created.add(new WriteResult.Created(w.created().get(i), chain.packageId() + types.get(i)));
        }
        return new WriteResult(w.digest(), created);
    }

    @Override
    public SuiAddress sender() {
        return sender;
    }

    @Override
    public long walBalance() {
        return chain.balance(sender, FakeSuiChain.WAL_COIN_TYPE);
    }
}
