package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.model.BlobAttributes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReadHeadersTest {

    @Test
    void contentTypeRule() {
        assertThat(ReadHeaders.contentType("GET", "image/png", "text/plain")).isEqualTo("image/png");
        assertThat(ReadHeaders.contentType("GET", "text/html, application/xhtml+xml", null))
                .isEqualTo("text/html, application/xhtml+xml");
        assertThat(ReadHeaders.contentType("GET", "*/*", "text/plain")).isEqualTo("text/plain");
        assertThat(ReadHeaders.contentType("GET", "image/*", null)).isNull();
        assertThat(ReadHeaders.contentType("GET", null, "application/json")).isEqualTo("application/json");
        assertThat(ReadHeaders.contentType("POST", "*/*", "application/json")).isNull();
        assertThat(ReadHeaders.contentType("POST", "video/mp4", "application/json")).isEqualTo("video/mp4");
        assertThat(ReadHeaders.contentType("GET", null, null)).isNull();
    }

    @Test
    void commonHeaders() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/blobs/x");
        request.addHeader("Accept", "*/*");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ReadHeaders.apply(request, response, "the-etag");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=86400, stale-while-revalidate=3600");
        assertThat(response.getHeader("ETag")).isEqualTo("the-etag");
        assertThat(response.getHeader("Content-Type")).isNull();
    }

    @Test
    void attributesOnlyFromTheAllowListAndNeverOverriding() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Content-Type", "image/png");
        BlobAttributes attributes = new BlobAttributes(List.of(
                Map.entry("content-type", "text/plain"), // already set: kept
                Map.entry("Content-Disposition", "attachment; filename=\"a.txt\""), // case-insensitive match
                Map.entry("x-secret", "nope"), // not allowed
                Map.entry("link", "bad\nvalue"), // not a valid header value
                Map.entry("bad name", "v"), // not a token
                Map.entry("", "empty")));
        ReadHeaders.applyAttributes(response, attributes, Set.of("content-type", "content-disposition", "link", "bad name"));
        assertThat(response.getHeader("Content-Type")).isEqualTo("image/png");
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"a.txt\"");
        assertThat(response.getHeaderNames()).containsExactlyInAnyOrder("Content-Type", "Content-Disposition");
    }
}
