package io.walrusj.chain.testing;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
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
public final class FakeChainWriter implements ChainWriter {

    private static final AtomicLong DIGESTS = new AtomicLong();

    private final FakeSuiChain chain;
    private final SuiAddress sender;

    public FakeChainWriter(FakeSuiChain chain, SuiAddress sender) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    private WriteResult run(Call call) {
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

    @Override
    public WriteResult reserveSpace(long encodedSize, long epochsAhead) {
        return run(new Call.ReserveSpace(encodedSize, epochsAhead));
    }

    @Override
    public WriteResult registerBlob(SuiAddress storageId, BlobId blobId, byte[] rootHash, long size, int encodingType,
            boolean deletable) {
        return run(new Call.RegisterBlob(storageId, blobId, rootHash, size, encodingType, deletable));
    }

    @Override
    public WriteResult certifyBlob(SuiAddress blobObjectId, byte[] signature, byte[] signersBitmap, byte[] message) {
        return run(new Call.CertifyBlob(blobObjectId, signature, signersBitmap, message));
    }

    @Override
    public WriteResult deleteBlob(SuiAddress blobObjectId) {
        return run(new Call.DeleteBlob(blobObjectId));
    }

    @Override
    public WriteResult extendBlob(SuiAddress blobObjectId, long extendedEpochs) {
        return run(new Call.ExtendBlob(blobObjectId, extendedEpochs));
    }

    @Override
    public WriteResult insertOrUpdateMetadataPair(SuiAddress blobObjectId, String key, String value) {
        return run(new Call.SetBlobAttribute(blobObjectId, key, value));
    }

    @Override
    public WriteResult removeMetadataPair(SuiAddress blobObjectId, String key) {
        return run(new Call.RemoveBlobAttribute(blobObjectId, key));
    }

    @Override
    public WriteResult invalidateBlobId(byte[] signature, byte[] signersBitmap, byte[] message) {
        return run(new Call.InvalidateBlobId(signature, signersBitmap, message));
    }

    @Override
    public WriteResult registerCandidate(Candidate c) {
        return run(new Call.RegisterCandidate(c.name(), c.networkAddress(), c.blsPublicKey(), c.proofOfPossession(),
                c.networkPublicKey(), c.commissionRate(), c.storagePrice(), c.writePrice(), c.nodeCapacity()));
    }

    @Override
    public WriteResult stakeWithPool(SuiAddress nodeId, long amount) {
        return run(new Call.StakeWithPool(nodeId, amount));
    }

    @Override
    public WriteResult epochSyncDone(SuiAddress nodeId, long epoch) {
        return run(new Call.EpochSyncDone(nodeId, epoch));
    }

    @Override
    public WriteResult faucet(long amount) {
        return run(new Call.Faucet(sender, amount));
    }
}
