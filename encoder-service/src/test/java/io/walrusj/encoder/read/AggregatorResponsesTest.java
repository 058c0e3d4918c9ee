package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobAttributes;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.Storage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.metadata.BlobId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Successful answers over real HTTP (Tomcat), with the blob reading replaced by fixed results:
 * status codes, the common headers, Content-Type rules, Content-Range, attribute headers, the
 * stream route's headers and the concatenation.
 */
@SpringBootTest(classes = AggregatorRejectionTest.AggregatorOnly.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"encoder.sui-rpc-url=http://127.0.0.1:9/", "encoder.chain-read-attempts=1", "encoder.committee-refresh=1h",
                "aggregator.max-concat-ids=4", "aggregator.max-concat-size=70000"})
class AggregatorResponsesTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final SuiAddress OBJECT = SuiAddress.parseLenient("0xb10b");

    final byte[] data = TestBlobs.random(30_000, 8);
    final EncodedBlob blob = TestBlobs.encode(data);
    final BlobId id = blob.blobId();

    @MockitoBean
    BlobReader reader;
    @MockitoBean
    BlobObjectResolver objects;
    @LocalServerPort
    int port;

    @BeforeEach
    void stubs() {
        when(reader.readAll(eq(id), any())).thenReturn(BlobBody.of(data));
        when(reader.read(any(ResolvedBlob.class), any())).thenReturn(BlobBody.of(data));
        when(reader.readRange(eq(id), any())).thenAnswer(call -> {
            ByteRange r = call.getArgument(1);
            return new BlobReader.RangeRead(BlobBody.of(Arrays.copyOfRange(data, (int) r.start(), (int) r.endExclusive())),
                    data.length);
        });
        when(reader.resolve(id)).thenReturn(new ResolvedBlob(blob.metadata(), TestBlobs.CONFIG, new FakeSlivers(blob)));
        when(reader.collector(any())).thenReturn(TestBlobs.collector(SliverCounter.NONE));
        Blob chainBlob = new Blob(OBJECT, 1, id, data.length, 1, OptionalLong.of(1),
                new Storage(SuiAddress.parseLenient("0x5"), 1, 5, 1000), false);
        when(objects.resolve(OBJECT)).thenReturn(new BlobWithAttributes(OBJECT, chainBlob, new BlobAttributes(List.of(
                Map.entry("content-type", "text/plain"), Map.entry("Content-Disposition", "inline"),
                Map.entry("x-not-allowed", "1")))));
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    static void assertCommonHeaders(HttpResponse<?> r, String etag) {
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(r, "Cache-Control")).isEqualTo("public, max-age=86400, stale-while-revalidate=3600");
        assertThat(header(r, "ETag")).isEqualTo(etag);
    }

    @Test
    void wholeBlob() throws Exception {
        HttpResponse<byte[]> r = get("/v1/blobs/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        assertCommonHeaders(r, id.toString());
        assertThat(header(r, "Content-Length")).isEqualTo(String.valueOf(data.length));
        assertThat(header(r, "Content-Type")).as("no Accept, no Content-Type: none").isNull();
    }

    @Test
    void contentTypeMirrorsAcceptOrTheRequestContentType() throws Exception {
        assertThat(header(get("/v1/blobs/" + id, "Accept", "image/png"), "Content-Type")).isEqualTo("image/png");
        assertThat(header(get("/v1/blobs/" + id, "Accept", "*/*", "Content-Type", "text/markdown"), "Content-Type"))
                .isEqualTo("text/markdown");
        assertThat(header(get("/v1/blobs/" + id, "Accept", "image/*"), "Content-Type")).isNull();
        assertThat(header(get("/v1/blobs/" + id, "Accept", "text/html, application/xhtml+xml"), "Content-Type"))
                .isEqualTo("text/html, application/xhtml+xml");
        // Tomcat re-writes a charset parameter without the space; the media type is the same.
        assertThat(header(get("/v1/blobs/" + id, "Accept", "text/plain; charset=utf-8"), "Content-Type"))
                .isEqualTo("text/plain;charset=utf-8");
    }

    @Test
    void rangeHeaderGives206() throws Exception {
        HttpResponse<byte[]> r = get("/v1/blobs/" + id, "Range", "bytes=2-5");
        assertThat(r.statusCode()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(data, 2, 6));
        assertThat(header(r, "Content-Range")).isEqualTo("bytes 2-5/" + data.length);
        assertThat(header(r, "Content-Length")).isEqualTo("4");
        assertCommonHeaders(r, id.toString());
    }

    @Test
    void byteRangeRouteGives200WithItsOwnEtag() throws Exception {
        HttpResponse<byte[]> r = get("/v1/blobs/" + id + "/byte-range?start=100&length=50");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(data, 100, 150));
        assertCommonHeaders(r, id + "-100-50");
        assertThat(header(r, "Content-Range")).isNull();
    }

    @Test
    void byObjectIdAddsAllowedAttributesWithoutOverridingHeaders() throws Exception {
        HttpResponse<byte[]> r = get("/v1/blobs/by-object-id/" + OBJECT);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        assertCommonHeaders(r, id.toString());
        assertThat(header(r, "Content-Type")).isEqualTo("text/plain");
        assertThat(header(r, "Content-Disposition")).isEqualTo("inline");
        assertThat(header(r, "x-not-allowed")).isNull();

        assertThat(header(get("/v1/blobs/by-object-id/0xB10B", "Accept", "image/png"), "Content-Type")).isEqualTo("image/png");
        HttpResponse<byte[]> partial = get("/v1/blobs/by-object-id/" + OBJECT, "Range", "bytes=0-0");
        assertThat(partial.statusCode()).isEqualTo(206);
        assertThat(header(partial, "Content-Disposition")).as("attributes only on 200, as Walrus").isNull();
    }

    @Test
    void streamRouteSendsTheBlobWithItsLength() throws Exception {
        HttpResponse<byte[]> r = get("/v1alpha/blobs/" + id + "/stream");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        assertThat(header(r, "x-walrus-streaming")).isEqualTo("true");
        assertThat(header(r, "Content-Length")).isEqualTo(String.valueOf(data.length));
        assertCommonHeaders(r, id.toString());
    }

    @Test
    void concatenation() throws Exception {
        String ids = id + "," + OBJECT;
        HttpResponse<byte[]> r = get("/v1alpha/blobs/concat?ids=" + ids);
        assertThat(r.statusCode()).isEqualTo(200);
        byte[] twice = new byte[data.length * 2];
        System.arraycopy(data, 0, twice, 0, data.length);
        System.arraycopy(data, 0, twice, data.length, data.length);
        assertThat(r.body()).isEqualTo(twice);
        assertCommonHeaders(r, new ConcatRequest(List.of(id.toString(), OBJECT.toString()), ConsistencyCheck.DEFAULT).etag());
        assertThat(header(r, "Content-Disposition")).as("attributes come from the first blob only").isNull();

        HttpResponse<byte[]> viaObject = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/v1alpha/blobs/concat")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ids\":[\"" + OBJECT + "\"]}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(viaObject.statusCode()).isEqualTo(200);
        assertThat(viaObject.body()).isEqualTo(data);
        assertThat(header(viaObject, "Content-Disposition")).isEqualTo("inline");
    }

    static String copies(Object id, int n) {
        return IntStream.range(0, n).mapToObj(i -> id.toString()).collect(Collectors.joining(","));
    }

    HttpResponse<String> postConcat(String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1alpha/blobs/concat"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<?> r, int status, String reason) {
        String body = r.body() instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(r.body());
        assertThat(r.statusCode()).as(body).isEqualTo(status);
        assertThat(body).contains("\"reason\":\"" + reason + "\"").contains("\"code\":" + status);
    }

    @Test
    void concatOfMoreIdsThanTheCapIs400BeforeAnyBlobIsLookedAt() throws Exception {
        assertError(get("/v1alpha/blobs/concat?ids=" + copies(id, 5)), 400, "TOO_MANY_IDS");
        assertError(postConcat("{\"ids\":[\"" + copies(id, 5).replace(",", "\",\"") + "\"]}"), 400, "TOO_MANY_IDS");
        verify(reader, never()).resolve(any());
        // a body far larger than the IDs it may name is refused before parsing
        HttpResponse<String> huge = postConcat("{\"ids\":[\"" + id + "\"]" + " ".repeat(100_000) + "}");
        assertThat(huge.statusCode()).isEqualTo(413);
    }

    @Test
    void concatOverTheTotalSizeIs413FromTheMetadataBeforeAnySliverIsRead() throws Exception {
        // 3 x 30,000 bytes > 70,000: known from the (one) blob's metadata
        assertError(get("/v1alpha/blobs/concat?ids=" + copies(id, 3)), 413, "CONCAT_TOO_LARGE");
        assertError(postConcat("{\"ids\":[\"" + copies(id, 3).replace(",", "\",\"") + "\"]}"), 413, "CONCAT_TOO_LARGE");
        verify(reader, never()).read(any(), any());
        verify(reader, never()).readAll(any(), any());
        HttpResponse<byte[]> twice = get("/v1alpha/blobs/concat?ids=" + copies(id, 2));
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(twice.body()).hasSize(2 * data.length);
    }
}
