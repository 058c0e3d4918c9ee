package io.walrusj.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class BlobReadRequestsTest {

    private static final String BLOB_ID = "M5Gu0PKcIWZOl-4wBSxUcBh6Eomd0-chjCbDPIZ_jeU";

    @Test
    void blobIdsAre43UrlSafeBase64Characters() {
        assertThat(BlobReadRequests.isBlobId(BLOB_ID)).isTrue();
        assertThat(BlobReadRequests.isBlobId(BLOB_ID.substring(1))).isFalse();
        assertThat(BlobReadRequests.isBlobId(BLOB_ID.replace('-', '+'))).isFalse();
        assertThat(BlobReadRequests.isBlobId(null)).isFalse();
    }

    @Test
    void onlyPlainGetsWithoutRangeOrQueryAreFullReads() {
        assertThat(BlobReadRequests.isPlainFullRead(MockServerHttpRequest.get("/v1/blobs/" + BLOB_ID).build())).isTrue();
        assertThat(BlobReadRequests.isPlainFullRead(
                MockServerHttpRequest.get("/v1/blobs/" + BLOB_ID).header("Range", "bytes=0-1").build())).isFalse();
        assertThat(BlobReadRequests.isPlainFullRead(
                MockServerHttpRequest.get("/v1/blobs/" + BLOB_ID + "?skip_consistency_check=true").build())).isFalse();
        assertThat(BlobReadRequests.isPlainFullRead(MockServerHttpRequest.head("/v1/blobs/" + BLOB_ID).build())).isFalse();
    }

    @Test
    void ifNoneMatchAcceptsTheBlobIdUnquotedQuotedWeakOrInAList() {
        for (String header : new String[] {BLOB_ID, "\"" + BLOB_ID + "\"", "W/\"" + BLOB_ID + "\"", "\"x\", " + BLOB_ID}) {
            assertThat(BlobReadRequests.ifNoneMatchNames(ifNoneMatch(header), BLOB_ID)).as(header).isTrue();
        }
        assertThat(BlobReadRequests.ifNoneMatchNames(ifNoneMatch("*"), BLOB_ID)).isFalse();
        assertThat(BlobReadRequests.ifNoneMatchNames(ifNoneMatch(BLOB_ID + "-0-10"), BLOB_ID)).isFalse();
        assertThat(BlobReadRequests.ifNoneMatchNames(MockServerHttpRequest.get("/").build(), BLOB_ID)).isFalse();
    }

    @Test
    void contentTypeFollowsTheAggregatorRule() {
        assertThat(BlobReadRequests.walrusContentType(MockServerHttpRequest.get("/")
                .header("Accept", "image/png").header("Content-Type", "text/plain").build())).isEqualTo("image/png");
        assertThat(BlobReadRequests.walrusContentType(MockServerHttpRequest.get("/")
                .header("Accept", "image/*").header("Content-Type", "text/plain").build())).isEqualTo("text/plain");
        assertThat(BlobReadRequests.walrusContentType(MockServerHttpRequest.get("/")
                .header("Accept", "*/*").build())).isNull();
        assertThat(BlobReadRequests.walrusContentType(MockServerHttpRequest.get("/").build())).isNull();
    }

    private static MockServerHttpRequest ifNoneMatch(String value) {
        return MockServerHttpRequest.get("/").header("If-None-Match", value).build();
    }
}
