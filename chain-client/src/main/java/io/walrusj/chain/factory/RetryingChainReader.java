package io.walrusj.chain.factory;

import io.walrusj.chain.ChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link ChainReader} a {@link Chain} hands out: every read goes through the chain's one
 * {@link RetryPolicy}, on a reader obtained lazily (the network is resolved, with the same retries,
 * on first use, so a service can start before the devnet answers).
 */
final class RetryingChainReader implements ChainReader {

    private final Supplier<ChainReader> reader;
    private final RetryPolicy retry;

    RetryingChainReader(Supplier<ChainReader> reader, RetryPolicy retry) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    private <T> T read(Function<ChainReader, T> call) {
        return retry.call(() -> call.apply(reader.get()));
    }

    @Override
    public WalrusNetwork network() {
        return read(ChainReader::network);
    }

    @Override
    public WalrusSharedObject systemObject() {
        return read(ChainReader::systemObject);
    }

    @Override
    public WalrusSharedObject stakingObject() {
        return read(ChainReader::stakingObject);
    }

    @Override
    public SystemStateInnerV1 systemState() {
        return read(ChainReader::systemState);
    }

    @Override
    public StakingInnerV1 stakingState() {
        return read(ChainReader::stakingState);
    }

    @Override
    public Blob blob(SuiAddress blobObjectId) {
        return read(r -> r.blob(blobObjectId));
    }

    @Override
    public BlobWithAttributes blobWithAttributes(SuiAddress objectId) {
        return read(r -> r.blobWithAttributes(objectId));
    }

    @Override
    public StakingPool stakingPool(SuiAddress nodeId) {
        return read(r -> r.stakingPool(nodeId));
    }

    @Override
    public Map<String, SuiAddress> eventTypeOrigins(SuiAddress packageId) {
        return read(r -> r.eventTypeOrigins(packageId));
    }

    @Override
    public long latestCheckpoint() {
        return read(ChainReader::latestCheckpoint);
    }

    @Override
    public long balance(SuiAddress owner, String coinType) {
        return read(r -> r.balance(owner, coinType));
    }
}
