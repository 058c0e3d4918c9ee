package io.walrusj.chain.grpc;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiGrpc;
import io.walrusj.chain.testing.Protos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;

import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.DynamicField;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsRequest;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsResponse;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsRequest;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsResponse;
import io.walrusj.core.crypto.SuiAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** List calls: page size, opaque page tokens handed back, the last page without a token. */
class SuiGrpcPagingTest {

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

    static SuiAddress id(int i) {
        return SuiAddress.parseLenient("0x" + Integer.toHexString(1000 + i));
    }

    /** Serves fields 0..6 of Fixtures.POOL in pages of the requested size; token = next index as text. */
    static ListDynamicFieldsResponse fields(ListDynamicFieldsRequest r) {
        int from = r.hasPageToken() ? Integer.parseInt(r.getPageToken().toStringUtf8()) : 0;
        int to = Math.min(7, from + r.getPageSize());
        var out = ListDynamicFieldsResponse.newBuilder();
        for (int i = from; i < to; i++) {
            var f = DynamicField.newBuilder().setFieldId(id(i).toString()).setParent(r.getParent())
                    .setName(Bcs.newBuilder().setName("u64").setValue(ByteString.copyFrom(new byte[] {(byte) i, 0, 0, 0, 0, 0, 0, 0})))
                    .setValueType("0x2::object::ID");
            if (i % 2 == 0) {
                f.setKind(DynamicField.DynamicFieldKind.OBJECT).setChildId(id(100 + i).toString());
            } else {
                f.setKind(DynamicField.DynamicFieldKind.FIELD).setValue(Bcs.newBuilder().setValue(ByteString.copyFrom(new byte[] {9})));
            }
            out.addDynamicFields(f);
        }
        if (to < 7) {
            out.setNextPageToken(ByteString.copyFrom(Integer.toString(to), StandardCharsets.UTF_8));
        }
        return out.build();
    }

    @Test
    void listDynamicFieldsPagesThroughWithTheServersTokens() {
        fake.listDynamicFields = SuiGrpcPagingTest::fields;

        List<DynamicFieldEntry> all = new ArrayList<>();
        byte[] token = null;
        int pages = 0;
        do {
            Page<DynamicFieldEntry> page = client.listDynamicFields(Fixtures.POOL, 3, token);
            all.addAll(page.items());
            token = page.nextPageToken().orElse(null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(DynamicFieldEntry::fieldId).containsExactly(id(0), id(1), id(2), id(3), id(4), id(5), id(6));
        List<ListDynamicFieldsRequest> sent = fake.requests(ListDynamicFieldsRequest.class);
        assertThat(sent).allSatisfy(r -> {
            assertThat(r.getParent()).isEqualTo(Fixtures.POOL.toString());
            assertThat(r.getPageSize()).isEqualTo(3);
            assertThat(r.getReadMask()).isEqualTo(ReadMasks.DYNAMIC_FIELD);
        });
        assertThat(sent.get(0).hasPageToken()).isFalse();
        assertThat(sent.get(1).getPageToken().toStringUtf8()).isEqualTo("3");
        assertThat(sent.get(2).getPageToken().toStringUtf8()).isEqualTo("6");

        DynamicFieldEntry objectField = all.get(0);
        assertThat(objectField.kind()).isEqualTo(DynamicFieldEntry.Kind.OBJECT);
        assertThat(objectField.childId()).contains(id(100));
        assertThat(objectField.nameType()).contains("u64");
        assertThat(objectField.nameBcs()).hasSize(8);
        DynamicFieldEntry plainField = all.get(1);
        assertThat(plainField.kind()).isEqualTo(DynamicFieldEntry.Kind.FIELD);
        assertThat(plainField.childId()).isEmpty();
        assertThat(plainField.valueBcs().orElseThrow()).containsExactly(9);
    }

    @Test
    void listOwnedObjectsSendsTheTypeFilterAndAnEmptyTokenEndsThePaging() {
        fake.listOwnedObjects = r -> {
            boolean first = !r.hasPageToken();
            var out = ListOwnedObjectsResponse.newBuilder()
                    .addObjects(Protos.object(id(first ? 1 : 2), 3, new byte[] {7}));
            // Last page: some servers send an empty token instead of none; both mean "no more".
            out.setNextPageToken(first ? ByteString.copyFromUtf8("next") : ByteString.EMPTY);
            return out.build();
        };

        Page<ObjectData> p1 = client.listOwnedObjects(Fixtures.SENDER, Fixtures.PKG + "::storage_resource::Storage", 50, null);
        Page<ObjectData> p2 = client.listOwnedObjects(Fixtures.SENDER, Fixtures.PKG + "::storage_resource::Storage", 50,
                p1.nextPageToken().orElseThrow());

        assertThat(p1.items()).extracting(ObjectData::objectId).containsExactly(id(1));
        assertThat(p2.items()).extracting(ObjectData::objectId).containsExactly(id(2));
        assertThat(p2.hasNextPage()).isFalse();
        ListOwnedObjectsRequest sent = fake.requests(ListOwnedObjectsRequest.class).getFirst();
        assertThat(sent.getOwner()).isEqualTo(Fixtures.SENDER.toString());
        assertThat(sent.getObjectType()).isEqualTo(Fixtures.PKG + "::storage_resource::Storage");
        assertThat(sent.getReadMask()).isEqualTo(ReadMasks.OBJECT);

        client.listOwnedObjects(Fixtures.SENDER, null, 1000, null);
        assertThat(fake.requests(ListOwnedObjectsRequest.class).getLast().hasObjectType()).isFalse();
    }

    @Test
    void pageSizeOutsideSuisRangeIsRejectedLocally() {
        assertThatThrownBy(() -> client.listDynamicFields(Fixtures.POOL, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.listOwnedObjects(Fixtures.SENDER, null, 1001, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.requests).isEmpty();
    }
}
