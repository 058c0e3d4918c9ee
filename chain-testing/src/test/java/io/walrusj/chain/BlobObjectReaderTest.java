package io.walrusj.chain;

import io.walrusj.chain.testing.FakeSuiServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.testing.FakeSuiServer.Reply;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.Storage;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link BlobObjectReader}: Blob and SharedBlob objects with their {@code b"metadata"} attribute
 * field, in the byte layout the devnet writes ({@code BlobAttributes.writeBcs},
 * {@code DynamicFieldObject.writeBcs}), with and without BCS in the dynamic-field answer.
 */
class BlobObjectReaderTest {
    static final String PKG = "0xfdc88f7d7cf30afab2f82e8380d11ee8f70efb90e863d1de8616fae1bb09ea77";
    static final SuiAddress BLOB = SuiAddress.parseLenient("0xb10b");
    static final SuiAddress SHARED = SuiAddress.parseLenient("0x5a4ed");
    static final SuiAddress FIELD = SuiAddress.parseLenient("0xf1e1d");
    static final Blob THE_BLOB = new Blob(BLOB, 3, BlobId.of(new byte[32]), 1234, 1, OptionalLong.of(4),
            new Storage(SuiAddress.parseLenient("0x51"), 3, 9, 66_034_000), true);

    private FakeSuiServer server;
    private BlobObjectReader reader;
    private boolean fieldWithBcs = true;
    private boolean hasField = true;

    @BeforeEach
    void setUp() {
        server = FakeSuiServer.start();
        reader = new BlobObjectReader(SuiRpcClient.create(server.uri()));
        server.respond(this::answer);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void readsBlobAndAttributesInVecMapOrder() {
        BlobWithAttributes b = reader.read(BLOB);
        assertThat(b.blob()).isEqualTo(THE_BLOB);
        assertThat(b.attributes().entries()).containsExactly(Map.entry("content-type", "text/plain"),
                Map.entry("x-custom", "v"));
        JsonNode fieldRequest = server.requests().stream()
                .filter(r -> r.get("method").asString().equals("suix_getDynamicFieldObject")).findFirst().orElseThrow();
        assertThat(fieldRequest.get("params").get(1).toString())
                .isEqualTo("{\"type\":\"vector<u8>\",\"value\":[109,101,116,97,100,97,116,97]}");
    }

    @Test
    void readsTheFieldObjectAgainWhenTheFullNodeOmitsBcs() {
        fieldWithBcs = false;
        assertThat(reader.read(BLOB).attributes().get("x-custom")).contains("v");
    }

    @Test
    void blobWithoutAttributeFieldHasNoAttributes() {
        hasField = false;
        assertThat(reader.read(BLOB).attributes().isEmpty()).isTrue();
    }

    @Test
    void sharedBlobYieldsTheWrappedBlob() {
        BlobWithAttributes b = reader.read(SHARED);
        assertThat(b.objectId()).isEqualTo(SHARED);
        assertThat(b.blob()).isEqualTo(THE_BLOB);
        assertThat(b.attributes().get("content-type")).contains("text/plain");
    }

    @Test
    void missingObjectAndWrongTypeAreDistinguished() {
        assertThatThrownBy(() -> reader.read(SuiAddress.parseLenient("0x404")))
                .isInstanceOf(SuiObjectUnavailableException.class);
        assertThatThrownBy(() -> reader.read(FIELD)).isInstanceOf(WalrusDecodeException.class)
                .hasMessageContaining("expected a Blob or SharedBlob");
    }

    private Reply answer(JsonNode request) {
        String method = request.get("method").asString();
        JsonNode params = request.get("params");
        SuiAddress id = SuiAddress.parseLenient(params.get(0).asString());
        if (method.equals("suix_getDynamicFieldObject")) {
            if (!hasField || !id.equals(BLOB)) {
                return Reply.ok("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"error\":{\"code\":\"dynamicFieldNotFound\","
                        + "\"parent_object_id\":\"" + id + "\"}}}");
            }
            return object(FIELD, fieldType(), fieldWithBcs ? fieldBcs() : null);
        }
        if (id.equals(BLOB)) {
            return object(BLOB, PKG + "::blob::Blob", BcsWriter.encode(THE_BLOB::writeBcs));
        }
        if (id.equals(SHARED)) {
            return object(SHARED, PKG + "::shared_blob::SharedBlob", BcsWriter.encode(w -> {
                w.fixedBytes(SHARED.bytes());
                THE_BLOB.writeBcs(w);
                w.u64(500); // funds: Balance<WAL>
            }));
        }
        if (id.equals(FIELD)) {
            return object(FIELD, fieldType(), fieldBcs());
        }
        return Reply.ok("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"error\":{\"code\":\"notExists\",\"object_id\":\""
                + id + "\"}}}");
    }

    private static String fieldType() {
        return "0x2::dynamic_field::Field<vector<u8>, " + PKG + "::metadata::Metadata>";
    }

    /** {@code Field<vector<u8>, Metadata>}: UID, name b"metadata", VecMap entries. */
    private static byte[] fieldBcs() {
        return BcsWriter.encode(w -> {
            w.fixedBytes(FIELD.bytes()).bytes("metadata".getBytes());
            w.sequence(List.of(Map.entry("content-type", "text/plain"), Map.entry("x-custom", "v")),
                    (ww, e) -> ww.string(e.getKey()).string(e.getValue()));
        });
    }

    private static Reply object(SuiAddress id, String type, byte[] bcs) {
        String bcsJson = bcs == null ? "" : ",\"bcs\":{\"dataType\":\"moveObject\",\"type\":\"" + type
                + "\",\"hasPublicTransfer\":false,\"version\":7,\"bcsBytes\":\"" + Base64.getEncoder().encodeToString(bcs) + "\"}";
        return Reply.ok("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":{\"objectId\":\"" + id + "\",\"version\":\"7\","
                + "\"digest\":\"7Yq3u5eXGZ9ZrYgkVdw8oqjv9QvJkUX3cwnE6JY8hNt2\",\"type\":\"" + type + "\"" + bcsJson + "}}}");
    }
}
