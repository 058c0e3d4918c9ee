package io.walrusj.chain.grpc;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiGrpc;
import io.walrusj.chain.testing.Protos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;

import io.walrusj.chain.grpc.proto.Balance;
import io.walrusj.chain.grpc.proto.BatchGetObjectsRequest;
import io.walrusj.chain.grpc.proto.BatchGetObjectsResponse;
import io.walrusj.chain.grpc.proto.Epoch;
import io.walrusj.chain.grpc.proto.GetBalanceRequest;
import io.walrusj.chain.grpc.proto.GetBalanceResponse;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointResponse;
import io.walrusj.chain.grpc.proto.GetEpochRequest;
import io.walrusj.chain.grpc.proto.GetEpochResponse;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.GetObjectResponse;
import io.walrusj.chain.grpc.proto.GetObjectResult;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.grpc.proto.GetTransactionRequest;
import io.walrusj.chain.grpc.proto.GetTransactionResponse;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.chain.rpc.SuiGrpcException;
import io.walrusj.chain.rpc.SuiProtocolException;
import io.walrusj.chain.rpc.SuiTransportException;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.core.crypto.SuiAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SuiGrpcClientTest {

    static final byte[] CONTENTS = {1, 2, 3, 4};

    FakeSuiGrpc fake;
    SuiGrpcClient client;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSuiGrpc();
        client = fake.client();
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void getObjectAsksForContentsNotWholeObjectBcsAndMapsTheRecord() {
        fake.getObject = r -> GetObjectResponse.newBuilder().setObject(Protos.object(Fixtures.OBJ_A, 42, CONTENTS)).build();

        ObjectData o = client.getObject(Fixtures.OBJ_A).orElseThrow();

        GetObjectRequest sent = fake.requests(GetObjectRequest.class).getFirst();
        assertThat(sent.getObjectId()).isEqualTo(Fixtures.OBJ_A.toString()).hasSize(66);
        assertThat(sent.hasVersion()).isFalse();
        assertThat(sent.getReadMask().getPathsList())
                .containsExactly("object_id", "version", "digest", "owner", "object_type", "contents");
        assertThat(o.objectId()).isEqualTo(Fixtures.OBJ_A);
        assertThat(o.version()).isEqualTo(42);
        assertThat(o.digest()).isEqualTo("DiGeSt42");
        assertThat(o.owner()).contains(new Owner.Shared(7));
        assertThat(o.type()).contains(Fixtures.PKG + "::system::System");
        assertThat(o.requireContents()).containsExactly(CONTENTS);
    }

    @Test
    void getObjectAtVersionSendsTheVersion() {
        fake.getObject = r -> GetObjectResponse.newBuilder().setObject(Protos.object(Fixtures.OBJ_A, r.getVersion(), CONTENTS)).build();
        assertThat(client.getObject(Fixtures.OBJ_A, 9).orElseThrow().version()).isEqualTo(9);
        assertThat(fake.requests(GetObjectRequest.class).getFirst().getVersion()).isEqualTo(9);
    }

    @Test
    void ownerKindsMapToTheJsonRpcOwnerShapes() {
        var b = io.walrusj.chain.grpc.proto.Owner.newBuilder();
        String m = "test";
        assertThat(GrpcMapping.owner(m, b.clear().setKind(io.walrusj.chain.grpc.proto.Owner.OwnerKind.ADDRESS)
                .setAddress("0x2").build())).isEqualTo(new Owner.AddressOwner(SuiAddress.parseLenient("0x2")));
        assertThat(GrpcMapping.owner(m, b.clear().setKind(io.walrusj.chain.grpc.proto.Owner.OwnerKind.OBJECT)
                .setAddress(Fixtures.POOL.toString()).build())).isEqualTo(new Owner.ObjectOwner(Fixtures.POOL));
        assertThat(GrpcMapping.owner(m, b.clear().setKind(io.walrusj.chain.grpc.proto.Owner.OwnerKind.IMMUTABLE).build()))
                .isEqualTo(new Owner.Immutable());
        assertThat(GrpcMapping.owner(m, b.clear().setKind(io.walrusj.chain.grpc.proto.Owner.OwnerKind.CONSENSUS_ADDRESS)
                .setAddress(Fixtures.SENDER.toString()).setVersion(5).build()))
                .isEqualTo(new Owner.ConsensusAddressOwner(5, Fixtures.SENDER));
        assertThat(GrpcMapping.owner(m, b.clear().setKindValue(9).build())).isInstanceOf(Owner.Unknown.class);
    }

    @Test
    void notFoundIsAnAbsentObjectNotAnException() {
        fake.getObject = r -> {
            throw Status.NOT_FOUND.withDescription("Object " + r.getObjectId() + " not found").asRuntimeException();
        };
        assertThat(client.getObject(Fixtures.OBJ_A)).isEmpty();
    }

    @Test
    void invalidArgumentKeepsCodeDescriptionAndReasonFromStatusDetails() {
        fake.getObject = r -> {
            var details = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("invalid object_id")
                    .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField("object_id").setReason("FIELD_INVALID")).build()))
                    .build();
            throw StatusProto.toStatusRuntimeException(details);
        };
        assertThatThrownBy(() -> client.getObject(Fixtures.OBJ_A))
                .isInstanceOfSatisfying(SuiGrpcException.class, e -> {
                    assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.description()).contains("invalid object_id");
                    assertThat(e.reason()).contains("FIELD_INVALID object_id");
                    assertThat(e.method()).isEqualTo("LedgerService/GetObject");
                });
    }

    @Test
    void unavailableAndRefusedConnectionsAreTransportFailuresWithTheGrpcCode() throws Exception {
        fake.getObject = r -> {
            throw Status.UNAVAILABLE.withDescription("overloaded").asRuntimeException();
        };
        assertThatThrownBy(() -> client.getObject(Fixtures.OBJ_A))
                .isInstanceOfSatisfying(SuiTransportException.class,
                        e -> assertThat(e.grpcStatus()).contains(Status.Code.UNAVAILABLE));

        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        try (SuiGrpcClient refused = SuiGrpcClient.builder("http://127.0.0.1:" + freePort).build()) {
            assertThatThrownBy(refused::serviceInfo).isInstanceOfSatisfying(SuiTransportException.class,
                    e -> assertThat(e.grpcStatus()).contains(Status.Code.UNAVAILABLE));
        }
    }

    @Test
    void everyUnaryCallHasADeadline() {
        fake.getEpoch = r -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GetEpochResponse.getDefaultInstance();
        };
        try (SuiGrpcClient quick = SuiGrpcClient.builder(fake.url()).callTimeout(Duration.ofMillis(200)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(quick::currentEpoch).isInstanceOfSatisfying(SuiTransportException.class,
                    e -> assertThat(e.grpcStatus()).contains(Status.Code.DEADLINE_EXCEEDED));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_000));
        }
    }

    @Test
    void aResponseLargerThanTheInboundLimitIsRejected() {
        fake.getObject = r -> GetObjectResponse.newBuilder()
                .setObject(Protos.object(Fixtures.OBJ_A, 1, new byte[200_000])).build();
        try (SuiGrpcClient small = SuiGrpcClient.builder(fake.url()).maxInboundMessageBytes(64 << 10).build()) {
            assertThatThrownBy(() -> small.getObject(Fixtures.OBJ_A)).isInstanceOfSatisfying(SuiGrpcException.class,
                    e -> assertThat(e.code()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
        }
        assertThat(client.getObject(Fixtures.OBJ_A).orElseThrow().requireContents()).hasSize(200_000);
    }

    @Test
    void anObjectWithoutVersionOrWithAMalformedIdIsAProtocolError() {
        fake.getObject = r -> GetObjectResponse.newBuilder()
                .setObject(Protos.object(Fixtures.OBJ_A, 1, CONTENTS).toBuilder().clearVersion()).build();
        assertThatThrownBy(() -> client.getObject(Fixtures.OBJ_A)).isInstanceOf(SuiProtocolException.class)
                .hasMessageContaining("version");
        fake.getObject = r -> GetObjectResponse.newBuilder()
                .setObject(Protos.object(Fixtures.OBJ_A, 1, CONTENTS).toBuilder().setObjectId("0xzz")).build();
        assertThatThrownBy(() -> client.getObject(Fixtures.OBJ_A)).isInstanceOf(SuiProtocolException.class)
                .hasMessageContaining("object_id");
    }

    @Test
    void batchGetObjectsKeepsOrderSplitsLongListsAndTurnsNotFoundIntoEmpty() {
        List<SuiAddress> ids = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ids.add(SuiAddress.parseLenient("0x" + Integer.toHexString(i + 1)));
        }
        fake.batchGetObjects = r -> {
            var out = BatchGetObjectsResponse.newBuilder();
            for (GetObjectRequest q : r.getRequestsList()) {
                SuiAddress id = SuiAddress.parseLenient(q.getObjectId());
                out.addObjects(id.bytes()[31] % 7 == 0
                        ? GetObjectResult.newBuilder().setError(com.google.rpc.Status.newBuilder()
                                .setCode(Code.NOT_FOUND_VALUE).setMessage("gone"))
                        : GetObjectResult.newBuilder().setObject(Protos.object(id, 1, CONTENTS)));
            }
            return out.build();
        };

        List<Optional<ObjectData>> got = client.getObjects(ids);

        assertThat(fake.requests(BatchGetObjectsRequest.class)).hasSize(3)
                .allSatisfy(r -> assertThat(r.getReadMask()).isEqualTo(ReadMasks.OBJECT))
                .extracting(BatchGetObjectsRequest::getRequestsCount).containsExactly(50, 50, 20);
        assertThat(got).hasSize(120);
        for (int i = 0; i < 120; i++) {
            assertThat(got.get(i).map(ObjectData::objectId)).isEqualTo((i + 1) % 7 == 0 ? Optional.empty() : Optional.of(ids.get(i)));
        }
    }

    @Test
    void batchGetObjectsReportsOtherPerObjectErrorsAndWrongResultCounts() {
        fake.batchGetObjects = r -> BatchGetObjectsResponse.newBuilder().addObjects(GetObjectResult.newBuilder()
                .setError(com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("bad id"))).build();
        assertThatThrownBy(() -> client.getObjects(List.of(Fixtures.OBJ_A))).isInstanceOfSatisfying(SuiGrpcException.class,
                e -> assertThat(e.code()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> client.getObjects(List.of(Fixtures.OBJ_A, Fixtures.POOL)))
                .isInstanceOf(SuiProtocolException.class).hasMessageContaining("got 1 results");
    }

    @Test
    void getCheckpointSendsSequenceAndMaskAndCarriesDecodableWalrusEvents() {
        fake.getCheckpoint = r -> GetCheckpointResponse.newBuilder().setCheckpoint(Protos.checkpoint(r.getSequenceNumber(),
                Protos.tx("TxA"), Protos.tx("TxB", Protos.event("BlobRegistered"), Protos.event("BlobCertified")))).build();

        CheckpointData c = client.getCheckpoint(77).orElseThrow();

        GetCheckpointRequest sent = fake.requests(GetCheckpointRequest.class).getFirst();
        assertThat(sent.getCheckpointIdCase()).isEqualTo(GetCheckpointRequest.CheckpointIdCase.SEQUENCE_NUMBER);
        assertThat(sent.getSequenceNumber()).isEqualTo(77);
        assertThat(sent.getReadMask().getPathsList()).containsExactly("sequence_number", "digest", "summary.timestamp",
                "summary.epoch", "transactions.digest", "transactions.events.events.package_id",
                "transactions.events.events.module", "transactions.events.events.sender",
                "transactions.events.events.event_type", "transactions.events.events.contents");
        assertThat(c.sequenceNumber()).isEqualTo(77);
        assertThat(c.digest()).isEqualTo("Cp77");
        assertThat(c.timestamp()).isEqualTo(Instant.ofEpochMilli(Protos.TIMESTAMP_MS + 77));
        assertThat(c.epoch()).hasValue(3);
        assertThat(c.eventCount()).isEqualTo(2);
        ExecutedTx tx = c.transactions().get(1);
        assertThat(tx.digest()).isEqualTo("TxB");
        assertThat(tx.indexInCheckpoint()).isEqualTo(1);
        assertThat(tx.checkpoint()).hasValue(77);
        assertThat(c.transactions().getFirst().events()).isEmpty();
        ChainEvent e = tx.events().get(1);
        assertThat(e.eventIndex()).isEqualTo(1);
        assertThat(e.packageId()).isEqualTo(Fixtures.LATEST);
        assertThat(e.sender()).isEqualTo(Fixtures.SENDER);
        WalrusEvent decoded = WalrusEvents.forNetwork(WalrusNetwork.MAINNET).decode(e.type(), e.bcs());
        assertThat(decoded).isEqualTo(Fixtures.expectedEvents().get("BlobCertified"));
        assertThat(e.toSuiEvent(tx.digest(), OptionalLong.of(1)).id().eventSeq()).isEqualTo(1);
    }

    @Test
    void missingCheckpointIsEmptyAndLatestAsksWithoutAnId() {
        fake.getCheckpoint = r -> {
            if (r.hasSequenceNumber()) {
                throw Status.NOT_FOUND.withDescription("checkpoint not found").asRuntimeException();
            }
            return GetCheckpointResponse.newBuilder().setCheckpoint(Protos.checkpoint(500)).build();
        };
        assertThat(client.getCheckpoint(501)).isEmpty();
        assertThat(client.latestCheckpoint().sequenceNumber()).isEqualTo(500);
        assertThat(fake.requests(GetCheckpointRequest.class).getLast().getCheckpointIdCase())
                .isEqualTo(GetCheckpointRequest.CheckpointIdCase.CHECKPOINTID_NOT_SET);
        fake.getCheckpoint = r -> GetCheckpointResponse.newBuilder()
                .setCheckpoint(Protos.checkpoint(5).toBuilder().clearSummary()).build();
        assertThatThrownBy(() -> client.getCheckpoint(5)).isInstanceOf(SuiProtocolException.class)
                .hasMessageContaining("summary.timestamp");
    }

    @Test
    void getTransactionReadsCheckpointTimestampAndEvents() {
        fake.getTransaction = r -> r.getDigest().equals("TxB")
                ? GetTransactionResponse.newBuilder().setTransaction(Protos.tx("TxB", Protos.event("BlobDeleted")).toBuilder()
                        .setCheckpoint(9).setTransactionIndex(4).setTimestamp(Timestamp.newBuilder().setSeconds(100))).build()
                : FakeSuiGrpc.unimplemented(r);
        ExecutedTx tx = client.getTransaction("TxB").orElseThrow();
        assertThat(tx.checkpoint()).hasValue(9);
        assertThat(tx.indexInCheckpoint()).isEqualTo(4);
        assertThat(tx.timestamp()).contains(Instant.ofEpochSecond(100));
        assertThat(tx.events()).singleElement().extracting(ChainEvent::type).isEqualTo(Fixtures.eventType("BlobDeleted"));
        assertThat(fake.requests(GetTransactionRequest.class).getFirst().getReadMask()).isEqualTo(ReadMasks.TRANSACTION);

        fake.getTransaction = r -> {
            throw Status.NOT_FOUND.asRuntimeException();
        };
        assertThat(client.getTransaction("Nope")).isEmpty();
    }

    @Test
    void epochBalanceAndServiceInfo() {
        fake.getEpoch = r -> GetEpochResponse.newBuilder().setEpoch(Epoch.newBuilder().setEpoch(r.hasEpoch() ? r.getEpoch() : 12)
                .setReferenceGasPrice(750).setFirstCheckpoint(1000).setStart(Timestamp.newBuilder().setSeconds(5))).build();
        EpochInfo e = client.currentEpoch();
        assertThat(e).isEqualTo(new EpochInfo(12, 750, OptionalLong.of(1000), Optional.of(Instant.ofEpochSecond(5))));
        assertThat(client.getEpoch(4).epoch()).isEqualTo(4);
        List<GetEpochRequest> epochRequests = fake.requests(GetEpochRequest.class);
        assertThat(epochRequests.getFirst().hasEpoch()).isFalse();
        assertThat(epochRequests.getFirst().getReadMask().getPathsList()).contains("epoch", "reference_gas_price");

        fake.getBalance = r -> GetBalanceResponse.newBuilder().setBalance(Balance.newBuilder().setCoinType(r.getCoinType())
                .setBalance(-1L).setAddressBalance(1).setCoinBalance(-2L)).build();
        CoinBalance b = client.getBalance(Fixtures.SENDER, "0x2::sui::SUI");
        assertThat(Long.toUnsignedString(b.balance())).isEqualTo("18446744073709551615");
        assertThat(fake.requests(GetBalanceRequest.class).getFirst().getOwner()).isEqualTo(Fixtures.SENDER.toString());

        fake.serviceInfo = r -> GetServiceInfoResponse.newBuilder().setChainId("4btiuiMPvEENsttpZC7CZ53DruC3MAgfznDbASZ7DR6S")
                .setChain("mainnet").setEpoch(12).setCheckpointHeight(999).setLowestAvailableCheckpoint(3).build();
        ServiceInfo info = client.serviceInfo();
        assertThat(info.chain()).contains("mainnet");
        assertThat(info.checkpointHeight()).isEqualTo(999);
        assertThat(info.timestamp()).isEmpty();
        fake.serviceInfo = r -> GetServiceInfoResponse.newBuilder().setChainId("x").build();
        assertThatThrownBy(client::serviceInfo).isInstanceOf(SuiProtocolException.class).hasMessageContaining("checkpoint_height");
    }

    @Test
    void fieldsThisSubsetOmitsAreSkippedAsUnknownFields() {
        // What a real node may send beyond our protos: Checkpoint.signature (4), Checkpoint.contents (5),
        // ExecutedTransaction.effects (4), Object.display (102), a future field (5000).
        UnknownFieldSet extra = UnknownFieldSet.newBuilder()
                .addField(4, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("\u0008\u0001")).build())
                .addField(5, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFrom(new byte[] {10, 0})).build())
                .addField(102, UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.EMPTY).build())
                .addField(5000, UnknownFieldSet.Field.newBuilder().addVarint(7).build())
                .build();
        var cp = Protos.checkpoint(3, Protos.tx("TxU", Protos.event("BlobCertified")).toBuilder().setUnknownFields(extra).build())
                .toBuilder().setUnknownFields(extra).build();
        fake.getCheckpoint = r -> GetCheckpointResponse.newBuilder().setCheckpoint(cp).build();
        fake.getObject = r -> GetObjectResponse.newBuilder()
                .setObject(Protos.object(Fixtures.OBJ_A, 1, CONTENTS).toBuilder().setUnknownFields(extra)).build();

        assertThat(client.getCheckpoint(3).orElseThrow().eventCount()).isEqualTo(1);
        assertThat(client.getObject(Fixtures.OBJ_A).orElseThrow().requireContents()).containsExactly(CONTENTS);
    }
}
