package io.walrusj.storage.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.Chains;
import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.store.RocksSliverStore;
import io.walrusj.storage.store.StoreMetrics;
import io.walrusj.storage.testing.NodeChain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@link ChainSync} against chain-testing's {@link FakeSuiChain} without Spring: the checkpoint
 * cursor in the node's RocksDB, exactly-once delivery across restarts and broken streams, the
 * legacy JSON-RPC switch and the migration of its event cursor.
 */
class ChainSyncTest {
    static final int N = 10;
    static final long EPOCH = 4;
    static final SuiAddress NODE = FakeSuiChain.addr(0x0a);

    final FakeSuiChain chain = NodeChain.start(N, EPOCH, Map.of(NODE, List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
    final Counting seen = new Counting();

    @TempDir
    Path dir;

    RocksSliverStore store;
    Chain opened;
    ChainSync sync;

    /** Every listener call, per blob id. */
    static final class Counting implements ChainListener {
        final Map<BlobId, Integer> registered = new ConcurrentHashMap<>();
        final Map<BlobId, Integer> certified = new ConcurrentHashMap<>();
        final List<Long> epochs = new CopyOnWriteArrayList<>();

        @Override
        public void blobRegistered(BlobId id) {
            registered.merge(id, 1, Integer::sum);
        }

        @Override
        public void blobCertified(BlobId id) {
            certified.merge(id, 1, Integer::sum);
        }

        @Override
        public void epochChanged(long epoch) {
            epochs.add(epoch);
        }
    }

    @AfterEach
    void close() {
        stopNode();
        chain.close();
    }

    void startNode(String transport) {
        Map<String, String> m = new HashMap<>(Map.of("storage.data-dir", dir.toString(),
                "storage.rpc-url", chain.jsonRpcUri().toString(), "storage.grpc-url", chain.grpcUrl(),
                "storage.chain-transport", transport, "storage.poll-interval", "50ms",
                "storage.package-id", FakeSuiChain.PACKAGE.toString(),
                "storage.system-object-id", FakeSuiChain.SYSTEM.toString(),
                "storage.staking-object-id", FakeSuiChain.STAKING.toString()));
        StorageProperties props = new Binder(new MapConfigurationPropertySource(m)).bind("storage", StorageProperties.class).get();
        store = new RocksSliverStore(dir.resolve("db"), new StoreMetrics(new SimpleMeterRegistry()));
        opened = Chains.open(props.chainSettings());
        sync = new ChainSync(props, opened, store, new NodeState(null), Optional.of(NODE));
        sync.addListener(seen);
        sync.start();
    }

    void stopNode() {
        if (sync != null) {
            sync.stop();
            opened.close();
            store.close();
            sync = null;
        }
    }

    static BlobId blobId(int b) {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) b;
        bytes[31] = 1;
        return BlobId.of(bytes);
    }

    void register(int b) {
        chain.emit(new WalrusEvent.BlobRegistered(EPOCH, blobId(b), 1000, 1, EPOCH + 5, false, FakeSuiChain.addr(0x40 + b)));
    }

    void certify(int b) {
        chain.emit(new WalrusEvent.BlobCertified(EPOCH, blobId(b), EPOCH + 5, false, FakeSuiChain.addr(0x40 + b), false));
    }

    boolean certifiedInStore(int b) {
        return store.getBlobInfo(blobId(b)).map(i -> i.objects().values().stream().anyMatch(o -> o.certified())).orElse(false);
    }

    void awaitCursorAtHead() {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.loadCheckpointCursor().equals(Optional.of(CheckpointCursor.endOf(chain.head()))));
    }

    @Test
    void aRestartedNodeResumesFromItsStoredCheckpointCursorExactlyOnce() {
        register(1);
        certify(1);
        register(2);
        startNode("grpc");
        await().atMost(Duration.ofSeconds(20)).until(() -> certifiedInStore(1) && store.getBlobInfo(blobId(2)).isPresent());
        awaitCursorAtHead();
        assertThat(sync.eventsApplied()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> sync.checkpointLag().isPresent());
        assertThat(sync.checkpointLag()).hasValue(0);
        assertThat(sync.secondsLag()).isPresent();

        stopNode();
        certify(2); // while the node is down
        chain.appendEmpty(3);
        startNode("grpc");
        await().atMost(Duration.ofSeconds(20)).until(() -> certifiedInStore(2));
        awaitCursorAtHead();
        register(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.getBlobInfo(blobId(3)).isPresent());

        assertThat(sync.eventsApplied()).as("after the restart only the new events").isEqualTo(2);
        assertThat(seen.registered).isEqualTo(Map.of(blobId(1), 1, blobId(2), 1, blobId(3), 1));
        assertThat(seen.certified).isEqualTo(Map.of(blobId(1), 1, blobId(2), 1));
        assertThat(chain.calls("GetObject")).as("committee reads over gRPC").isPositive();
        assertThat(chain.calls("sui_getObject") + chain.calls("suix_queryEvents")).isZero();
    }

    @Test
    void checkpointsWithoutWalrusEventsStillMoveTheStoredCursor() {
        register(1);
        startNode("grpc");
        awaitCursorAtHead();
        long head = chain.appendEmpty(5);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.loadCheckpointCursor().equals(Optional.of(CheckpointCursor.endOf(head))));
        assertThat(sync.eventsApplied()).isEqualTo(1);
    }

    @Test
    void aStreamThatEndsOrFailsIsReconnectedWithoutMissingABlobCertified() {
        // first subscription: one checkpoint, then the server ends the call; second: one, then UNAVAILABLE
        chain.plans(i -> switch (i) {
            case 0 -> new FakeSuiChain.Plan(0, 1, FakeSuiChain.End.COMPLETE);
            case 1 -> new FakeSuiChain.Plan(0, 1, FakeSuiChain.End.FAIL);
            default -> FakeSuiChain.Plan.LIVE;
        });
        register(1);
        register(2);
        startNode("grpc");
        await().atMost(Duration.ofSeconds(20)).until(() -> store.getBlobInfo(blobId(2)).isPresent());
        certify(1);
        certify(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> certifiedInStore(1) && certifiedInStore(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> chain.subscriptions() >= 3); // past the ended and the failed stream
        register(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.getBlobInfo(blobId(3)).isPresent());
        awaitCursorAtHead();
        assertThat(seen.certified).isEqualTo(Map.of(blobId(1), 1, blobId(2), 1));
        assertThat(sync.eventsApplied()).isEqualTo(5);
    }

    @Test
    void legacyJsonRpcFollowerBehindTheSwitchAndItsCursorMigratesToGrpc() {
        register(1);
        certify(1);
        startNode("jsonrpc");
        await().atMost(Duration.ofSeconds(20)).until(() -> certifiedInStore(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> store.loadEventCursor().isPresent());
        assertThat(store.loadCheckpointCursor()).isEmpty();
        assertThat(chain.calls("SubscribeCheckpoints")).isZero();
        stopNode();

        // the same data directory over gRPC: no checkpoint cursor yet, so it starts at the checkpoint
        // of the legacy cursor's transaction (the BlobCertified of blob 1, applied again without change)
        long certifiedAt = chain.head();
        register(2);
        startNode("grpc");
        await().atMost(Duration.ofSeconds(20)).until(() -> store.getBlobInfo(blobId(2)).isPresent());
        awaitCursorAtHead();
        assertThat(certifiedInStore(1)).isTrue();
        assertThat(seen.registered).as("blob 1's registration is before the migrated start")
                .isEqualTo(Map.of(blobId(1), 1, blobId(2), 1));
        assertThat(seen.certified).as("the checkpoint of the old cursor is applied again").containsEntry(blobId(1), 2);
        assertThat(chain.fetched()).doesNotContain(certifiedAt - 1);
    }

    @Test
    void epochChangeRereadsTheCommittee() {
        startNode("grpc");
        await().atMost(Duration.ofSeconds(20)).until(() -> sync.checkpointLag().isPresent());
        chain.committee(EPOCH, Map.of(NODE, List.of(0, 1, 2)));
        long next = chain.advanceEpoch();
        await().atMost(Duration.ofSeconds(20)).until(() -> seen.epochs.contains(next));
        assertThat(sync.checkpointLag()).isPresent();
    }
}
