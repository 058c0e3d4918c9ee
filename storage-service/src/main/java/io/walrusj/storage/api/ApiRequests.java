package io.walrusj.storage.api;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.NodeState;
import io.walrusj.storage.limits.BoundedBodyReader;
import io.walrusj.storage.limits.RequestBodyBudget;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Request parsing, the success envelope and the node-state checks shared by the node's controllers, with the rejections
 * Walrus' axum extractors give (plain-text 400 {@link PathRejection}s, JSON {@link ApiException}s).
 */
final class ApiRequests {
    static final MediaType OCTET = MediaType.APPLICATION_OCTET_STREAM;

    private ApiRequests() {}

    static BlobId blobId(String text) {
        try {
            return BlobId.parse(text);
        } catch (BlobId.InvalidBlobIdException | IllegalArgumentException e) {
            throw new PathRejection("Invalid URL: Cannot parse `" + text + "` to a `BlobId`: " + e.getMessage());
        }
    }

    static int pairIndex(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PathRejection("Invalid URL: Cannot parse `" + text + "` to a `u16`");
        }
        int v = Integer.parseInt(text);
        if (v > 0xFFFF) {
            throw new PathRejection("Invalid URL: Cannot parse `" + text + "` to a `u16`");
        }
        return v;
    }

    static SliverType sliverType(String text) {
        try {
            return SliverType.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PathRejection("Invalid URL: unknown variant `" + text + "`, expected `primary` or `secondary`");
        }
    }

    static boolean bool(String name, String v) {
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new PathRejection("Failed to deserialize query string: " + name
                    + ": provided string was not `true` or `false`");
        };
    }

    /** Parses the query string (each parameter at most once); with {@code allowed} non-null, unknown parameters are rejected. */
    static Map<String, String> query(HttpServletRequest req, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        multiQuery(req, allowed, Set.of()).forEach((k, v) -> out.put(k, v.getFirst()));
        return out;
    }

    /**
     * Query parameters; only those in {@code repeatable} may occur more than once; with
     * {@code allowed} non-null, unknown ones are rejected.
     */
    static Map<String, List<String>> multiQuery(HttpServletRequest req, Set<String> allowed, Set<String> repeatable) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String qs = req.getQueryString();
        if (qs == null || qs.isEmpty()) {
            return out;
        }
        for (String part : qs.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k;
            String v;
            try {
                k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new PathRejection("Failed to deserialize query string: " + e.getMessage());
            }
            if (allowed != null && !allowed.contains(k)) {
                throw new PathRejection("Failed to deserialize query string: unknown field `" + k + "`");
            }
            List<String> values = out.computeIfAbsent(k, x -> new ArrayList<>());
            if (!values.isEmpty() && !repeatable.contains(k)) {
                throw new PathRejection("Failed to deserialize query string: duplicate field `" + k + "`");
            }
            values.add(v);
        }
        return out;
    }

    /** Request attribute holding the request's share of the body budget, closed by {@link BodyBudgetFilter}. */
    static final String RESERVATION = ApiRequests.class.getName() + ".reservation";

    /**
     * Reads a BCS body: media type octet-stream or none, at most {@code limit} bytes, into memory
     * reserved from the node's request-body budget as the bytes arrive (the reservation is held until
     * the request ends). Budget exhausted: 503 UNAVAILABLE; too large, too slow, truncated or failed:
     * 400 INVALID_CONTENT_TYPE (the catalogue's "body read failure").
     */
    static byte[] body(HttpServletRequest req, long limit, BoundedBodyReader reader) {
        String contentType = req.getContentType();
        if (contentType != null) {
            MediaType type;
            try {
                type = MediaType.parseMediaType(contentType);
            } catch (RuntimeException e) {
                throw ApiException.invalidContentType("invalid content type `" + contentType + "`");
            }
            if (!type.equalsTypeAndSubtype(OCTET)) {
                throw ApiException.invalidContentType("expected content type `application/octet-stream`, got `" + contentType + "`");
            }
        }
        RequestBodyBudget.Reservation reservation = reader.budget().open();
        Object previous = req.getAttribute(RESERVATION);
        if (previous instanceof RequestBodyBudget.Reservation r) {
            r.close();
        }
        req.setAttribute(RESERVATION, reservation);
        try (InputStream in = req.getInputStream()) {
            return reader.read(in, req.getContentLengthLong(), limit, reservation);
        } catch (BoundedBodyReader.BodyException e) {
            throw e.failure() == BoundedBodyReader.Failure.BUDGET_EXHAUSTED
                    ? ApiException.notReady(e.getMessage()) // 503 UNAVAILABLE, domain global
                    : ApiException.invalidContentType(e.getMessage());
        } catch (IOException e) {
            throw ApiException.invalidContentType("failed to read the request body: " + e.getMessage());
        }
    }

    /** Gives back the request's share of the body budget (end of the request). */
    static void releaseBody(ServletRequest req) {
        if (req.getAttribute(RESERVATION) instanceof RequestBodyBudget.Reservation r) {
            r.close();
        }
    }

    static <T> ResponseEntity<Map<String, Object>> success(HttpStatus status, T data) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", status.value());
        inner.put("data", data);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("success", inner));
    }

    /** Registered (a live Blob object in the node's epoch) and not invalid. */
    static boolean registered(SliverStore store, BlobId id, NodeState.Snapshot s) {
        return store.getBlobInfo(id).map(i -> !i.invalid() && i.registeredAt(s.epoch())).orElse(false);
    }

    /** The encoding of the node's shard count; 503 until the chain told it. */
    static EncodingConfig config(NodeState.Snapshot s) {
        if (!s.knowsShardCount()) {
            throw ApiException.notReady("the number of shards is not known yet");
        }
        return s.config();
    }
}
