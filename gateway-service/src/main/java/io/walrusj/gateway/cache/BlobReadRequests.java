package io.walrusj.gateway.cache;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** What the Walrus read API says about a {@code GET /v1/blobs/{blobId}} request, as far as caching goes. */
final class BlobReadRequests {

    /** Walrus blob IDs: 32 bytes in URL-safe base64 without padding. */
    private static final Pattern BLOB_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private BlobReadRequests() {
    }

    static boolean isBlobId(String candidate) {
        return candidate != null && BLOB_ID.matcher(candidate).matches();
    }

    /**
     * Only plain full reads are cached: no byte range (206 answers), no query (the consistency-check
     * flags can turn an answer into an error, and unknown parameters are rejected upstream).
     */
    static boolean isPlainFullRead(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.GET
                && !request.getHeaders().containsHeader(HttpHeaders.RANGE)
                && request.getURI().getRawQuery() == null;
    }

    /**
     * Whether {@code If-None-Match} names this blob. The aggregator sends the blob ID as an unquoted
     * ETag, so clients echo it unquoted; quoted and weak forms are accepted too.
     */
    static boolean ifNoneMatchNames(ServerHttpRequest request, String blobId) {
        List<String> values = request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH);
        for (String value : values) {
            for (String tag : value.split(",")) {
                if (blobId.equals(opaqueTag(tag.strip()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaqueTag(String tag) {
        String strong = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (strong.length() >= 2 && strong.startsWith("\"") && strong.endsWith("\"")) {
            return strong.substring(1, strong.length() - 1);
        }
        return strong;
    }

    /**
     * The aggregator's {@code Content-Type} rule (client HTTP API 3.1): the request's {@code Accept}
     * if it has no wildcard, else the request's {@code Content-Type}, else none. Replayed on cache
     * hits because the upstream derives the header from the request, not from the blob.
     */
    static String walrusContentType(ServerHttpRequest request) {
        List<String> accept = request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT);
        if (!accept.isEmpty()) {
            String joined = String.join(", ", accept);
            if (!joined.contains("*")) {
                return joined;
            }
        }
        return request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
    }
}
