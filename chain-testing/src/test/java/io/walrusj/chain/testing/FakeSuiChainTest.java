package io.walrusj.chain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.devnet.Executed;
import io.walrusj.chain.follow.EventFollower;
import io.walrusj.chain.follow.InMemoryCursorStore;
import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.grpc.CheckpointStream;
import io.walrusj.chain.grpc.DynamicFieldEntry;
import io.walrusj.chain.grpc.ObjectData;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.Storage;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.rpc.SuiTransportException;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake serves one model through both transports. */
class FakeSuiChainTest {

    static final SuiAddress NODE_A = FakeSuiChain.addr(0xa1);
    static final SuiAddress NODE_B = FakeSuiChain.addr(0xb2);

    final FakeSuiChain chain = FakeSuiChain.start();
    final SuiGrpcClient grpc = chain.client();
    final SuiRpcClient rpc = SuiRpcClient.create(chain.jsonRpcUri());

    @AfterEach
    void close() {
        grpc.close();
        rpc.close();
        chain.close();
    }

    @Test
    void walrusStateReadsTheSameOverJsonRpcAndGrpc() {
        chain.publishWalrus(10, 4, Map.of(NODE_A, List.of(0, 1, 2), NODE_B, List.of(3)));
        chain.previousCommittee(Map.of(NODE_A, List.of(0, 1, 2, 3)));
        chain.networkAddress(NODE_A, "127.0.0.1:9100");
        WalrusChainReader reader = new WalrusChainReader(rpc, chain.network());

        assertThat(reader.currentEpoch()).isEqualTo(4);
        assertThat(reader.systemState().committee().nShards()).isEqualTo(10);
        assertThat(reader.stakingState().committee().shardsByNode()).containsEntry(NODE_A, List.of(0, 1, 2));
        assertThat(reader.stakingState().previousCommittee().shardsByNode()).containsEntry(NODE_A, List.of(0, 1, 2, 3));
        assertThat(reader.stakingPool(NODE_A).nodeInfo().networkAddress()).isEqualTo("127.0.0.1:9100");

        ObjectData system = grpc.getObject(FakeSuiChain.SYSTEM).orElseThrow();
        assertThat(system.owner()).contains(new Owner.Shared(1));
        List<DynamicFieldEntry> fields = grpc.listDynamicFields(FakeSuiChain.STAKING, 10, null).items();
        assertThat(fields).hasSize(1);
        assertThat(fields.getFirst().fieldId()).isEqualTo(io.walrusj.chain.DynamicFieldIds.derive(FakeSuiChain.STAKING, io.walrusj.chain.ObjectSource.FieldName.u64(1)));
        byte[] viaGrpc = grpc.getObject(fields.getFirst().fieldId()).orElseThrow().requireContents();
        assertThat(viaGrpc).isEqualTo(chain.object(fields.getFirst().fieldId()).orElseThrow().contents());
        assertThat(grpc.currentEpoch().epoch()).isEqualTo(4);

        chain.committee(5, Map.of(NODE_B, List.of(0, 1, 2, 3)));
        assertThat(reader.currentEpoch()).isEqualTo(5);
        assertThat(reader.stakingState().committee().shardsByNode()).containsOnlyKeys(NODE_B);
    }

    @Test
    void blobsAndOwnedObjectsAndBalances() {
        SuiAddress owner = FakeSuiChain.addr(0x42);
        SuiAddress id = FakeSuiChain.addr(0x43);
        Blob blob = new Blob(id, 3, BlobId.fromHex("01".repeat(32)), 1234, 1, OptionalLong.of(3),
                new Storage(FakeSuiChain.addr(0x44), 3, 8, 5000), true);
        chain.blob(blob, owner);
        chain.setBalance(owner, FakeSuiChain.WAL_COIN_TYPE, 777);

        assertThat(new WalrusChainReader(rpc, chain.network()).blob(id)).isEqualTo(blob);
        assertThat(grpc.listOwnedObjects(owner, FakeSuiChain.PACKAGE + "::blob::Blob", 10, null).items())
                .extracting(ObjectData::objectId).containsExactly(id);
        assertThat(grpc.getBalance(owner, FakeSuiChain.WAL_COIN_TYPE).balance()).isEqualTo(777);
        try (DevnetClient devnet = new DevnetClient(rpc)) {
            assertThat(devnet.balance(owner)).isEqualTo(777);
        }
        assertThat(chain.removeObject(id)).isTrue();
        assertThat(grpc.getObject(id)).isEmpty();
    }

    @Test
    void emittedEventsReachTheCheckpointStreamAndQueryEvents() throws Exception {
        try (CheckpointStream stream = grpc.subscribeCheckpoints()) {
            long seq = chain.emit(new WalrusEvent.EpochChangeStart(2), new WalrusEvent.EpochChangeDone(2));
            var checkpoint = stream.poll(Duration.ofSeconds(5)).orElseThrow();
            while (checkpoint.sequenceNumber() < seq) {
                checkpoint = stream.poll(Duration.ofSeconds(5)).orElseThrow();
            }
            var events = checkpoint.transactions().getFirst().events();
            WalrusEvents decoder = WalrusEvents.forNetwork(chain.network());
            assertThat(decoder.decode(events.get(1).type(), events.get(1).bcs()))
                    .isEqualTo(new WalrusEvent.EpochChangeDone(2));
        }
        List<WalrusEventEnvelope> seen = new ArrayList<>();
        EventFollower follower = EventFollower.builder(rpc, chain.network(), new InMemoryCursorStore(),
                (events, cursor) -> seen.addAll(events)).build();
        follower.pollOnce();
        assertThat(seen).extracting(WalrusEventEnvelope::event)
                .containsExactly(new WalrusEvent.EpochChangeStart(2), new WalrusEvent.EpochChangeDone(2));
        chain.advanceEpoch();
        follower.pollOnce();
        assertThat(seen).hasSize(4);
        assertThat(chain.eventCount()).isEqualTo(4);
        assertThat(chain.calls("suix_queryEvents")).isEqualTo(2);
    }

    @Test
    void signedDevnetTransactionsAreRecordedAsWrites() {
        chain.publishWalrus(4, 1, Map.of(NODE_A, List.of(0, 1, 2, 3)));
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        try (DevnetClient devnet = new DevnetClient(rpc)) {
            assertThat(devnet.chainInfo().network().systemObjectId()).isEqualTo(FakeSuiChain.SYSTEM);
            Executed reserved = devnet.execute(key, new Call.ReserveSpace(1000, 2));
            assertThat(reserved.createdOne("::storage_resource::Storage")).isEqualTo(chain.writes().getFirst().created().getFirst());
        }
        assertThat(chain.writes()).singleElement().satisfies(w -> {
            assertThat(w.sender()).isEqualTo(key.suiAddress());
            assertThat(w.call()).isEqualTo(new Call.ReserveSpace(1000, 2));
        });
    }

    @Test
    void injectedFaultsHitBothTransports() {
        chain.failNext(2);
        assertThatThrownBy(() -> grpc.getObject(FakeSuiChain.SYSTEM)).isInstanceOf(SuiTransportException.class);
        assertThatThrownBy(rpc::getLatestCheckpointSequenceNumber).isInstanceOf(SuiTransportException.class);
        assertThat(rpc.getLatestCheckpointSequenceNumber()).isZero();
        assertThat(grpc.getObject(FakeSuiChain.SYSTEM)).isEmpty();
    }
}
