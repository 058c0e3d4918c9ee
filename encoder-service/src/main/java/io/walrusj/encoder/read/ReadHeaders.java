package io.walrusj.encoder.read;

import io.walrusj.chain.model.BlobAttributes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The response headers of the read routes (client-http-api 3.1 and 3.2). */
final class ReadHeaders {
    static final String CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=3600";

    private ReadHeaders() {}

    /**
     * {@code X-Content-Type-Options: nosniff} (no MIME sniffing of user data), the cache headers and
     * the unquoted ETag; Content-Type mirrored from {@code Accept} if it has no {@code *}, else (GET
     * only) from the request's {@code Content-Type}, else not set.
     */
    static void apply(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", etag);
        String contentType = contentType(request.getMethod(), request.getHeader("Accept"), request.getHeader("Content-Type"));
        if (contentType != null) {
            response.setHeader("Content-Type", contentType);
        }
    }

    /** The Content-Type rule on its own (null: not set). */
    static String contentType(String method, String accept, String requestContentType) {
        if (accept != null && accept.indexOf('*') < 0) {
            return accept;
        }
        if ("GET".equals(method) && requestContentType != null) {
            return requestContentType;
        }
        return null;
    }

    /**
     * Copies allowed attributes into headers (3.2): keys compared case-insensitively with the
     * allow-list; a header already set is kept; keys or values that are not valid header text are
     * skipped.
     *
     * @param allowed lower-case header names
     */
    static void applyAttributes(HttpServletResponse response, BlobAttributes attributes, Set<String> allowed) {
        for (Map.Entry<String, String> e : attributes.entries()) {
            String name = e.getKey();
            if (!isToken(name) || !isHeaderValue(e.getValue()) || !allowed.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (response.containsHeader(name)) {
                continue;
            }
            response.setHeader(name, e.getValue());
        }
    }

    /** RFC 9110 token: what a header name may contain. */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Visible ASCII, space and tab only (what the http crate's {@code HeaderValue::from_str} accepts). */
    static boolean isHeaderValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && (c < 0x20 || c > 0x7E)) {
                return false;
            }
        }
        return true;
    }
}
