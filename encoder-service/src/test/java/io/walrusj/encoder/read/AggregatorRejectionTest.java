package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.BlobCertified;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read routes' rejections over real HTTP, with no chain and no storage nodes: everything here
 * is decided before (or instead of) reading a blob. The context is the aggregator alone (read
 * routes, error handling, chain view), as Walrus's {@code walrus aggregator} mode runs it.
 */
@SpringBootTest(classes = AggregatorRejectionTest.AggregatorOnly.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "encoder.sui-rpc-url=http://127.0.0.1:9/", // nothing listens: the chain is "down"
        "encoder.chain-read-attempts=1",
        "encoder.committee-refresh=1h"})
class AggregatorRejectionTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableScheduling
    @ComponentScan(basePackages = {"io.walrusj.encoder.read", "io.walrusj.encoder.api", "io.walrusj.encoder.committee",
            "io.walrusj.encoder.config"})
    @ConfigurationPropertiesScan({"io.walrusj.encoder.read", "io.walrusj.encoder.config"})
    static class AggregatorOnly {
    }

    static final String ID = "7VcehCC46COzE_nOUUlyONMNUU-f4TuI7O85q3OPoGM";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    BlobReader reader;

    @Test
    void aBlobThisPublisherCertifiedIsReadWithoutAStatusProbe() {
        byte[] fresh = new byte[32];
        new java.util.Random().nextBytes(fresh); // a blob no other test of the shared context knows
        BlobId id = BlobId.of(fresh);
        assertThat(reader.knownCertified(id)).isFalse();
        events.publishEvent(new BlobCertified(id));
        assertThat(reader.knownCertified(id)).isTrue();
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertPlain400(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
        assertThat(r.body()).isNotBlank().doesNotStartWith("{");
    }

    static void assertStatus(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(status);
        assertThat(error.path("details").get(0).path("reason").asString()).isEqualTo(reason);
        assertThat(error.path("details").get(0).path("domain").asString()).isEqualTo("daemon.walrus.space");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/blobs/not-a-blob-id", "/v1/blobs/7VcehCC46COzE_nOUUlyONMNUU-f4TuI7O85q3OPoGMA", "/v1/blobs/7VcehCC46COzE_nOUUlyONMNUU-f4TuI7O85q3OPoG=",
            "/v1/blobs/not-a-blob-id/byte-range?start=0&length=1", "/v1alpha/blobs/nope/stream",
            "/v1/blobs/by-object-id/0xnothex", "/v1/blobs/by-object-id/0x11111111111111111111111111111111111111111111111111111111111111111"})
    void malformedPathIdsArePlainText400(String path) throws Exception {
        assertPlain400(get(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"?foo=1", "?strict_consistency_check=yes", "?skip_consistency_check=true&skip_consistency_check=true"})
    void badQueriesArePlainText400(String query) throws Exception {
        assertPlain400(get("/v1/blobs/" + ID + query));
        assertPlain400(get("/v1alpha/blobs/" + ID + "/stream" + query));
        assertPlain400(get("/v1/blobs/by-object-id/0x2" + query));
    }

    @Test
    void bothConsistencyFlagsAre400InvalidConsistencyCheck() throws Exception {
        String q = "?strict_consistency_check=true&skip_consistency_check=true";
        assertStatus(get("/v1/blobs/" + ID + q), 400, "INVALID_CONSISTENCY_CHECK");
        assertStatus(get("/v1alpha/blobs/" + ID + "/stream" + q), 400, "INVALID_CONSISTENCY_CHECK");
        assertStatus(get("/v1/blobs/by-object-id/0x2" + q), 400, "INVALID_CONSISTENCY_CHECK");
        assertStatus(get("/v1alpha/blobs/concat?ids=" + ID + "&" + q.substring(1)), 400, "INVALID_CONSISTENCY_CHECK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=5-", "bytes=-5", "bytes=0-1,3-4", "bytes=9-2", "chars=0-1", "bytes=x-1"})
    void unsupportedRangesAre416(String range) throws Exception {
        assertStatus(get("/v1/blobs/" + ID, Map.of("Range", range)), 416, "INVALID_BYTE_RANGE");
    }

    @Test
    void byteRangeQueryChecks() throws Exception {
        String base = "/v1/blobs/" + ID + "/byte-range";
        assertStatus(get(base + "?start=0&length=0"), 400, "INVALID_BYTE_RANGE");
        assertStatus(get(base + "?start=18446744073709551615&length=2"), 400, "INVALID_BYTE_RANGE");
        assertPlain400(get(base + "?start=1"));
        assertPlain400(get(base + "?start=x&length=1"));
        assertPlain400(get(base + "?start=-1&length=1"));
        assertPlain400(get(base + "?start=0&length=1&extra=2"));
    }

    @Test
    void concatRejections() throws Exception {
        assertPlain400(get("/v1alpha/blobs/concat"));
        HttpResponse<String> empty = get("/v1alpha/blobs/concat?ids=");
        assertPlain400(empty);
        assertThat(empty.body()).isEqualTo("at least one blob ID or object ID must be provided");
        assertStatus(get("/v1alpha/blobs/concat?ids=" + ID + ",not!an!id"), 400, "INVALID_ID_FORMAT");
        assertPlain400(post("/v1alpha/blobs/concat", "{\"ids\": ["));
        assertPlain400(post("/v1alpha/blobs/concat", "{\"ids\": [], \"x\": 1}"));
        assertStatus(post("/v1alpha/blobs/concat", "{\"ids\": [\"%%\"]}"), 400, "INVALID_ID_FORMAT");
    }

    @Test
    void withoutAChainReadsAre503AndErrorsStayJsonWhateverTheAccept() throws Exception {
        HttpResponse<String> r = get("/v1/blobs/" + ID, Map.of("Accept", "image/png"));
        assertStatus(r, 503, "CHAIN_UNAVAILABLE");
    }
}
