package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.grpc.CheckpointData;
import io.walrusj.chain.grpc.CheckpointStream;
import io.walrusj.chain.grpc.DynamicFieldEntry;
import io.walrusj.chain.grpc.ExecutedTx;
import io.walrusj.chain.grpc.ObjectData;
import io.walrusj.chain.grpc.Page;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.LedgerServiceGrpc;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsRequest;
import io.walrusj.chain.grpc.proto.StateServiceGrpc;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.chain.rpc.SuiGrpcException;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.grpc.GrpcEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The devnet's Sui gRPC v2 services over a real socket (HTTP/2 with prior knowledge on the JSON-RPC
 * port), driven by chain-client's {@link SuiGrpcClient} and by raw stubs for read masks and statuses.
 */
class SuiGrpcTest extends DevnetHttpTest {
    @Autowired
    GrpcEndpoint endpoint;
    SuiGrpcClient sui;
    ManagedChannel raw;

    @BeforeEach
    void connect() {
        nonce.set(System.nanoTime()); // the chain is shared: distinct transactions per test
        sui = SuiGrpcClient.builder("http://127.0.0.1:" + port).callTimeout(Duration.ofSeconds(10)).build();
        raw = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    }

    @AfterEach
    void disconnect() {
        sui.close();
        raw.shutdownNow();
    }

    @Test
    void serviceInfoEpochAndBalance() throws Exception {
        var info = sui.serviceInfo();
        assertThat(info.chainId()).isEqualTo(Base58.encode(store.checkpoint(0).orElseThrow().digest()));
        assertThat(info.chain()).contains("walrusj-devnet");
        assertThat(info.checkpointHeight()).isGreaterThanOrEqualTo(latestCheckpoint() - 1);
        assertThat(info.epoch()).isEqualTo(ledger.system().currentEpoch());

        var epoch = sui.currentEpoch();
        assertThat(epoch.epoch()).isEqualTo(ledger.system().currentEpoch());
        assertThat(epoch.referenceGasPrice()).isEqualTo(1000);
        assertThat(epoch.firstCheckpoint()).hasValue(0);
        assertThat(epoch.start()).isPresent();
        assertThatThrownBy(() -> sui.getEpoch(99)).isInstanceOfSatisfying(SuiGrpcException.class,
                e -> assertThat(e.code()).isEqualTo(Status.Code.NOT_FOUND));

        String wal = packageId() + "::wal::WAL";
        assertThat(sui.getBalance(USER.suiAddress(), wal).balance()).isEqualTo(balance());
        assertThat(sui.getBalance(USER.suiAddress(), "0x2::sui::SUI").balance()).isZero();
    }

    @Test
    void objectsMatchJsonRpc() throws Exception {
        String storage = created(execute(new Call.ReserveSpace(1_000_000, 2)), "::storage_resource::Storage");
        JsonNode info = result("devnet_getChainInfo", "[]");
        List<String> ids = List.of(info.get("systemObjectId").asString(), info.get("stakingObjectId").asString(), storage);
        for (String id : ids) {
            JsonNode json = result("sui_getObject", "[\"" + id + "\", {\"showBcs\":true,\"showOwner\":true,\"showType\":true}]")
                    .get("data");
            ObjectData o = sui.getObject(SuiAddress.parse(id)).orElseThrow();
            assertThat(o.objectId().toString()).isEqualTo(json.get("objectId").asString());
            assertThat(o.version()).isEqualTo(json.get("version").asLong());
            assertThat(o.digest()).isEqualTo(json.get("digest").asString());
            assertThat(o.type()).contains(json.get("type").asString());
            assertThat(o.requireContents()).isEqualTo(Base64.getDecoder().decode(json.get("bcs").get("bcsBytes").asString()));
            JsonNode owner = json.get("owner");
            switch (o.owner().orElseThrow()) {
                case Owner.AddressOwner a -> assertThat(a.address().toString()).isEqualTo(owner.get("AddressOwner").asString());
                case Owner.Shared s -> assertThat(s.initialSharedVersion())
                        .isEqualTo(owner.get("Shared").get("initial_shared_version").asLong());
                default -> throw new AssertionError("unexpected owner " + o.owner());
            }
        }
        SuiAddress missing = SuiAddress.parse("0x" + "ab".repeat(32));
        assertThat(sui.getObject(missing)).isEmpty();
        List<Optional<ObjectData>> batch = sui.getObjects(List.of(SuiAddress.parse(storage), missing));
        assertThat(batch.get(0)).isPresent();
        assertThat(batch.get(1)).isEmpty();
        ObjectData s = batch.get(0).orElseThrow();
        assertThat(sui.getObject(s.objectId(), s.version())).isPresent();
        assertThat(sui.getObject(s.objectId(), s.version() - 1)).isEmpty();

        // Only the masked fields come back; the default mask is object_id,version,digest.
        var stub = LedgerServiceGrpc.newBlockingStub(raw);
        var versionOnly = stub.getObject(GetObjectRequest.newBuilder().setObjectId(storage)
                .setReadMask(FieldMask.newBuilder().addPaths("version")).build()).getObject();
        assertThat(versionOnly.hasVersion()).isTrue();
        assertThat(versionOnly.hasObjectId() || versionOnly.hasContents() || versionOnly.hasOwner()).isFalse();
        // Paths of Sui fields the devnet's protos leave out (the TypeScript SDK asks for "display") are
        // accepted and come back empty; "json" is the Move value as JSON.
        var withJson = stub.getObject(GetObjectRequest.newBuilder().setObjectId(storage)
                .setReadMask(FieldMask.newBuilder().addPaths("display").addPaths("json")).build()).getObject();
        assertThat(withJson.getJson().getStructValue().getFieldsMap()).containsKey("storage_size");
        assertThat(withJson.hasVersion()).isFalse();
        var byDefault = stub.getObject(GetObjectRequest.newBuilder().setObjectId(storage).build()).getObject();
        assertThat(byDefault.hasObjectId() && byDefault.hasVersion() && byDefault.hasDigest()).isTrue();
        assertThat(byDefault.hasContents() || byDefault.hasObjectType()).isFalse();
    }

    @Test
    void checkpointsAndTransactionsCarryEvents() throws Exception {
        JsonNode reserved = execute(new Call.ReserveSpace(2_000_000, 2));
        long checkpoint = reserved.get("checkpoint").asLong();
        String digest = reserved.get("digest").asString();
        CheckpointData cp = sui.getCheckpoint(checkpoint).orElseThrow();
        assertThat(cp.sequenceNumber()).isEqualTo(checkpoint);
        assertThat(cp.transactions()).hasSize(1);
        ExecutedTx tx = cp.transactions().getFirst();
        assertThat(tx.digest()).isEqualTo(digest);
        JsonNode events = reserved.get("events");
        assertThat(tx.events()).hasSize(events.size());
        for (int i = 0; i < events.size(); i++) {
            var e = tx.events().get(i);
            JsonNode j = events.get(i);
            assertThat(e.type()).isEqualTo(j.get("type").asString());
            assertThat(e.packageId().toString()).isEqualTo(j.get("packageId").asString());
            assertThat(e.module()).isEqualTo(j.get("transactionModule").asString());
            assertThat(e.sender()).isEqualTo(USER.suiAddress());
            assertThat(e.bcs()).isEqualTo(Base64.getDecoder().decode(j.get("bcs").asString()));
        }
        ExecutedTx byDigest = sui.getTransaction(digest).orElseThrow();
        assertThat(byDigest.checkpoint()).hasValue(checkpoint);
        assertThat(byDigest.events()).hasSize(events.size());
        assertThat(sui.latestCheckpoint().sequenceNumber()).isGreaterThanOrEqualTo(checkpoint);
        assertThat(sui.getCheckpoint(1L << 40)).isEmpty();
        assertThat(sui.getTransaction(Base58.encode(new byte[32]))).isEmpty();
        // The default checkpoint mask: sequence_number and digest only.
        var bare = LedgerServiceGrpc.newBlockingStub(raw).getCheckpoint(GetCheckpointRequest.newBuilder()
                .setSequenceNumber(checkpoint).build()).getCheckpoint();
        assertThat(bare.getDigest()).isEqualTo(cp.digest());
        assertThat(bare.hasSummary() || bare.getTransactionsCount() > 0).isFalse();
        var byDigest2 = LedgerServiceGrpc.newBlockingStub(raw).getCheckpoint(GetCheckpointRequest.newBuilder()
                .setDigest(cp.digest()).setReadMask(FieldMask.newBuilder().addPaths("sequence_number")).build()).getCheckpoint();
        assertThat(byDigest2.getSequenceNumber()).isEqualTo(checkpoint);
    }

    @Test
    void subscriptionDeliversCheckpointsCommittedAfterSubscribing() throws Exception {
        int before = endpoint.subscriptionCount();
        try (CheckpointStream stream = sui.subscribeCheckpoints()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (endpoint.subscriptionCount() <= before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(endpoint.subscriptionCount()).isGreaterThan(before);
            JsonNode first = execute(new Call.ReserveSpace(1_000_000, 2));
            JsonNode second = execute(new Call.TransferWal(USER.suiAddress(), 1));
            CheckpointData a = stream.poll(Duration.ofSeconds(10)).orElseThrow();
            CheckpointData b = stream.poll(Duration.ofSeconds(10)).orElseThrow();
            assertThat(a.sequenceNumber()).isEqualTo(first.get("checkpoint").asLong());
            assertThat(b.sequenceNumber()).isEqualTo(a.sequenceNumber() + 1);
            assertThat(a.transactions().getFirst().digest()).isEqualTo(first.get("digest").asString());
            assertThat(a.transactions().getFirst().events()).hasSize(first.get("events").size());
            assertThat(b.transactions().getFirst().digest()).isEqualTo(second.get("digest").asString());
        }
        // The server sees the client's cancel and drops the subscriber.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endpoint.subscriptionCount() > before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(endpoint.subscriptionCount()).isEqualTo(before);
    }

    @Test
    void ownedObjectsAndDynamicFieldsPage() throws Exception {
        for (int i = 0; i < 3; i++) {
            execute(new Call.ReserveSpace(1_000_000, 2));
        }
        String storageType = packageId() + "::storage_resource::Storage";
        List<String> expected = jdbc.sql("select object_id from objects where owner = ? and owner_kind = 'AddressOwner' "
                        + "and not deleted and object_type = ? order by object_id")
                .params(USER.suiAddress().bytes(), storageType)
                .query((rs, row) -> SuiAddress.of(rs.getBytes(1)).toString()).list();
        assertThat(expected.size()).isGreaterThanOrEqualTo(3);
        List<String> paged = new ArrayList<>();
        byte[] token = null;
        int pages = 0;
        do {
            Page<ObjectData> page = sui.listOwnedObjects(USER.suiAddress(), storageType, 2, token);
            assertThat(page.items().size()).isBetween(1, 2);
            page.items().forEach(o -> {
                assertThat(o.type()).contains(storageType);
                paged.add(o.objectId().toString());
            });
            token = page.nextPageToken().orElse(null);
            pages++;
        } while (token != null && pages < 100);
        assertThat(paged).isEqualTo(expected);
        // Without a filter: everything the user owns, including the Storage objects.
        assertThat(sui.listOwnedObjects(USER.suiAddress(), null, 1000, null).items().stream()
                .map(o -> o.objectId().toString()).toList()).containsAll(expected);
        // A type without type parameters matches any instantiation; an unknown one matches nothing.
        assertThat(sui.listOwnedObjects(USER.suiAddress(), "0x2::coin::Coin", 10, null).items()).isEmpty();

        String system = result("devnet_getChainInfo", "[]").get("systemObjectId").asString();
        List<DynamicFieldEntry> fields = new ArrayList<>();
        token = null;
        do {
            Page<DynamicFieldEntry> page = sui.listDynamicFields(SuiAddress.parse(system), 1, token);
            fields.addAll(page.items());
            token = page.nextPageToken().orElse(null);
        } while (token != null && fields.size() < 100);
        long stored = jdbc.sql("select count(*) from dynamic_fields where parent_id = ?").param(SuiAddress.parse(system).bytes())
                .query(Long.class).single();
        assertThat(fields).hasSize((int) stored).isNotEmpty();
        DynamicFieldEntry inner = fields.getFirst();
        assertThat(inner.kind()).isEqualTo(DynamicFieldEntry.Kind.FIELD);
        assertThat(inner.nameType()).contains("u64");
        byte[] fieldContents = sui.getObject(inner.fieldId()).orElseThrow().requireContents();
        assertThat(inner.valueBcs().orElseThrow())
                .isEqualTo(Arrays.copyOfRange(fieldContents, 32 + inner.nameBcs().length, fieldContents.length));
        assertThat(inner.valueType().orElseThrow()).endsWith("::system_state_inner::SystemStateInnerV1");
    }

    /** GetObject latency over loopback HTTP/2 through the client (2000 calls after 500 to warm up); printed, loosely bounded. */
    @Test
    void getObjectLatency() throws Exception {
        SuiAddress system = SuiAddress.parse(result("devnet_getChainInfo", "[]").get("systemObjectId").asString());
        for (int i = 0; i < 500; i++) {
            sui.getObject(system).orElseThrow();
        }
        long[] nanos = new long[2000];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            sui.getObject(system).orElseThrow();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[nanos.length * 99 / 100] / 1e6;
        System.out.printf("devnet gRPC GetObject over loopback: p50 %.3f ms, p99 %.3f ms (%d calls)%n", p50, p99, nanos.length);
        assertThat(p99).isLessThan(1000);
    }

    @Test
    void badRequestsGetStatusCodes() {
        var ledgerStub = LedgerServiceGrpc.newBlockingStub(raw).withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
        assertStatus(() -> ledgerStub.getObject(GetObjectRequest.newBuilder().setObjectId("0xnot-hex").build()),
                Status.Code.INVALID_ARGUMENT, "object_id");
        assertStatus(() -> ledgerStub.getObject(GetObjectRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT, "object_id");
        assertStatus(() -> ledgerStub.getObject(GetObjectRequest.newBuilder().setObjectId("0x2")
                .setReadMask(FieldMask.newBuilder().addPaths("owner.nope")).build()), Status.Code.INVALID_ARGUMENT, "read_mask");
        assertStatus(() -> ledgerStub.getObject(GetObjectRequest.newBuilder().setObjectId("0x" + "cd".repeat(32)).build()),
                Status.Code.NOT_FOUND, "not found");
        assertStatus(() -> ledgerStub.getCheckpoint(GetCheckpointRequest.newBuilder().setSequenceNumber(1L << 50).build()),
                Status.Code.NOT_FOUND, "checkpoint");
        assertStatus(() -> ledgerStub.getCheckpoint(GetCheckpointRequest.newBuilder().setDigest("not base58 !").build()),
                Status.Code.INVALID_ARGUMENT, "digest");
        // A request message over devnet.grpc.max-inbound-message-size (4 MB).
        assertStatus(() -> ledgerStub.getObject(GetObjectRequest.newBuilder().setObjectId("0x" + "0".repeat(5 << 20)).build()),
                Status.Code.RESOURCE_EXHAUSTED, "larger than");
        var stateStub = StateServiceGrpc.newBlockingStub(raw).withDeadlineAfter(10, java.util.concurrent.TimeUnit.SECONDS);
        assertStatus(() -> stateStub.listOwnedObjects(ListOwnedObjectsRequest.newBuilder().setOwner(USER.suiAddress().toString())
                .setPageToken(ByteString.copyFromUtf8("bogus")).build()), Status.Code.INVALID_ARGUMENT, "page_token");
        // Page sizes above Sui's 1000 are coerced, not refused.
        assertThat(stateStub.listOwnedObjects(ListOwnedObjectsRequest.newBuilder().setOwner(USER.suiAddress().toString())
                .setPageSize(Integer.MAX_VALUE).build()).getObjectsCount()).isPositive();
    }

    private static void assertStatus(Runnable call, Status.Code code, String descriptionPart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(descriptionPart).doesNotContain("\tat ");
        });
    }

    private String packageId() throws Exception {
        return result("devnet_getChainInfo", "[]").get("packageId").asString();
    }

    private static String created(JsonNode executed, String typeSuffix) {
        for (JsonNode change : executed.get("objectChanges")) {
            if (change.get("type").asString().equals("created") && change.get("objectType").asString().endsWith(typeSuffix)) {
                return change.get("objectId").asString();
            }
        }
        throw new AssertionError("no created " + typeSuffix + " in " + executed);
    }
}
