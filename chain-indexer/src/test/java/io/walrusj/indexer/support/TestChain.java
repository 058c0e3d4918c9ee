package io.walrusj.indexer.support;

import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * chain-testing's {@link FakeSuiChain} as the indexer tests use it: events emitted in checkpoints
 * (each call one checkpoint), their IDs, and how many Walrus events the chain holds.
 */
public final class TestChain implements AutoCloseable {

    private final FakeSuiChain fake = FakeSuiChain.start();
    private final AtomicInteger events = new AtomicInteger();

    public FakeSuiChain fake() {
        return fake;
    }

    /** One checkpoint with one transaction from {@code sender} emitting {@code event}. */
    public EventId emit(SuiAddress sender, WalrusEvent event) {
        return emitTx(sender, event).getFirst();
    }

    /** One checkpoint with one transaction from {@code sender} emitting {@code events} (seq 0, 1, ...). */
    public List<EventId> emitTx(SuiAddress sender, WalrusEvent... events) {
        ExecutedTransaction tx = fake.transaction(sender, events);
        append(tx);
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            ids.add(new EventId(tx.getDigest(), i));
        }
        return ids;
    }

    /** One checkpoint with these transactions (their Walrus events are counted). */
    public long append(ExecutedTransaction... txs) {
        for (ExecutedTransaction tx : txs) {
            tx.getEvents().getEventsList().stream()
                    .filter(e -> e.getEventType().startsWith(FakeSuiChain.PACKAGE + "::events::"))
                    .forEach(e -> events.incrementAndGet());
        }
        return fake.append(txs);
    }

    /** Walrus events on the chain. */
    public int size() {
        return events.get();
    }

    /** Reads the checkpoint follower makes (chain head, subscriptions, checkpoints by number). */
    public int reads() {
        return fake.calls("GetServiceInfo") + fake.calls("SubscribeCheckpoints") + fake.calls("GetCheckpoint");
    }

    /** The indexer's settings for following this chain over gRPC (IDs configured: no devnet_getChainInfo). */
    public List<String> grpcProperties() {
        return List.of("indexer.rpc-url=" + fake.grpcUrl(), "indexer.network=custom",
                "indexer.package-id=" + FakeSuiChain.PACKAGE, "indexer.system-object-id=" + FakeSuiChain.SYSTEM,
                "indexer.staking-object-id=" + FakeSuiChain.STAKING);
    }

    @Override
    public void close() {
        fake.close();
    }
}
