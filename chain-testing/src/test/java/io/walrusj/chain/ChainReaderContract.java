package io.walrusj.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.Storage;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link ChainReader} contract, run on every transport against the same {@link FakeSuiChain}
 * ({@code GrpcChainReaderTest}, {@code JsonRpcChainReaderTest}).
 */
abstract class ChainReaderContract {

    static final SuiAddress NODE_A = FakeSuiChain.addr(0xa1);
    static final SuiAddress NODE_B = FakeSuiChain.addr(0xb2);
    static final SuiAddress OWNER = FakeSuiChain.addr(0x42);

    FakeSuiChain chain;
    ChainReader reader;

    /** The reader under test over {@code chain}; closed by {@link #closeReader()}. */
    abstract ChainReader open(FakeSuiChain chain);

    abstract void closeReader();

    @BeforeEach
    void setUp() {
        chain = FakeSuiChain.start();
        chain.publishWalrus(10, 4, Map.of(NODE_A, List.of(0, 1, 2), NODE_B, List.of(3)));
        reader = open(chain);
    }

    @AfterEach
    void tearDown() {
        closeReader();
        chain.close();
    }

    @Test
    void epochAndCommittees() {
        chain.previousCommittee(Map.of(NODE_A, List.of(0, 1, 2, 3)));
        assertThat(reader.network()).isEqualTo(chain.network());
        assertThat(reader.currentEpoch()).isEqualTo(4);
        assertThat(reader.committee().nShards()).isEqualTo(10);
        assertThat(reader.committee().members()).extracting(m -> m.nodeId()).containsExactlyInAnyOrder(NODE_A, NODE_B);
        assertThat(reader.shardAssignment().shardsOf(NODE_A)).containsExactly(0, 1, 2);
        assertThat(reader.previousShardAssignment().shardsOf(NODE_A)).containsExactly(0, 1, 2, 3);
        assertThat(reader.stakingState().epoch()).isEqualTo(4);
        assertThat(reader.systemObject().id()).isEqualTo(FakeSuiChain.SYSTEM);
        assertThat(reader.stakingObject().packageId()).isEqualTo(FakeSuiChain.PACKAGE);

        chain.advanceEpoch();
        assertThat(reader.currentEpoch()).isEqualTo(5);
        assertThat(reader.previousShardAssignment().shardsOf(NODE_B)).containsExactly(3);
    }

    @Test
    void blobsWithAndWithoutAttributes() {
        SuiAddress id = FakeSuiChain.addr(0x43);
        Blob blob = new Blob(id, 3, BlobId.fromHex("01".repeat(32)), 1234, 1, OptionalLong.empty(),
                new Storage(FakeSuiChain.addr(0x44), 3, 8, 5000), false);
        chain.blob(blob, OWNER);
        assertThat(reader.blob(id)).isEqualTo(blob);
        assertThat(reader.blobWithAttributes(id).attributes().isEmpty()).isTrue();

        byte[] metadata = BcsWriter.encode(w -> w.uleb128(1).bytes("color".getBytes(StandardCharsets.UTF_8))
                .bytes("blue".getBytes(StandardCharsets.UTF_8)));
        chain.putDynamicField(id, ObjectSource.FieldName.bytes("metadata".getBytes(StandardCharsets.UTF_8)),
                FakeSuiChain.PACKAGE + "::metadata::Metadata", metadata);
        BlobWithAttributes read = reader.blobWithAttributes(id);
        assertThat(read.blob()).isEqualTo(blob);
        assertThat(read.attributes().entries()).containsExactly(Map.entry("color", "blue"));
    }

    @Test
    void stakingPoolOfANode() {
        chain.networkAddress(NODE_A, "10.0.0.1:9100");
        assertThat(reader.stakingPool(NODE_A).nodeInfo().networkAddress()).isEqualTo("10.0.0.1:9100");
        assertThatThrownBy(() -> reader.stakingPool(NODE_B)).isInstanceOf(SuiObjectUnavailableException.class);
    }

    @Test
    void missingAndWrongObjects() {
        assertThatThrownBy(() -> reader.blob(FakeSuiChain.addr(0x99))).isInstanceOf(SuiObjectUnavailableException.class);
        chain.putObject(FakeSuiChain.addr(0x98), FakeSuiChain.PACKAGE + "::other::Thing", new Owner.AddressOwner(OWNER),
                new byte[40]);
        assertThatThrownBy(() -> reader.blob(FakeSuiChain.addr(0x98))).isInstanceOf(WalrusDecodeException.class);
        chain.removeObject(FakeSuiChain.SYSTEM);
        assertThatThrownBy(reader::currentEpoch).isInstanceOf(SuiObjectUnavailableException.class);
    }

    @Test
    void eventTypeOrigins() {
        SuiAddress latest = FakeSuiChain.addr(0x12);
        chain.putPackage(latest, Map.of("events", Map.of("BlobCertified", FakeSuiChain.PACKAGE,
                "PricesUpdated", io.walrusj.chain.testing.Protos.UPGRADE_PKG), "system", Map.of("System", FakeSuiChain.PACKAGE)));
        assertThat(reader.eventTypeOrigins(latest)).containsOnly(Map.entry("BlobCertified", FakeSuiChain.PACKAGE),
                Map.entry("PricesUpdated", io.walrusj.chain.testing.Protos.UPGRADE_PKG));
    }

    @Test
    void latestCheckpointAndBalances() {
        long seq = chain.emit(new WalrusEvent.EpochChangeStart(5));
        assertThat(reader.latestCheckpoint()).isEqualTo(seq);
        chain.setBalance(OWNER, FakeSuiChain.WAL_COIN_TYPE, 1_000_000_007L);
        assertThat(reader.balance(OWNER, FakeSuiChain.WAL_COIN_TYPE)).isEqualTo(1_000_000_007L);
        assertThat(reader.balance(NODE_A, FakeSuiChain.WAL_COIN_TYPE)).isZero();
    }
}
