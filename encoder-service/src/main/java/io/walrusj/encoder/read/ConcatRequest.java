package io.walrusj.encoder.read;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.encoder.api.FrameworkRejection;
import io.walrusj.encoder.api.QueryParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code /v1alpha/blobs/concat} is asked for (3.5): the IDs in order and the consistency check.
 * GET: {@code ?ids=a,b,c} plus the two flags (unknown parameters rejected). POST: JSON
 * {@code {"ids": [..], "strict_consistency_check"?: bool, "skip_consistency_check"?: bool}}, unknown
 * fields rejected. Malformed input is a framework rejection; an empty list is a plain-text 400; more
 * than {@code maxIds} IDs (repetitions count) is 400 {@code TOO_MANY_IDS}, found while parsing.
 */
record ConcatRequest(List<String> ids, ConsistencyCheck check) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> BODY_FIELDS = Set.of("ids", ReadOptions.STRICT, ReadOptions.SKIP);

    ConcatRequest {
        ids = List.copyOf(ids);
    }

    /** How many bytes a POST body may have for {@code maxIds} IDs (an object ID in quotes with a separator is 70). */
    static long maxBodyBytes(int maxIds) {
        return 1024 + 256L * maxIds;
    }

    static ConcatRequest fromQuery(Map<String, String[]> parameters, int maxIds) {
        QueryParams.requireKnown(parameters, Set.of("ids", ReadOptions.STRICT, ReadOptions.SKIP));
        String ids = QueryParams.single(parameters, "ids");
        if (ids == null) {
            throw new FrameworkRejection("Failed to deserialize query string: missing field `ids`");
        }
        if (ids.chars().filter(c -> c == ',').count() >= maxIds) {
            throw ReadErrors.tooManyIds(maxIds);
        }
        List<String> list = ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",", -1)).map(String::strip).toList();
        return checked(list, QueryParams.bool(parameters, ReadOptions.STRICT, false),
                QueryParams.bool(parameters, ReadOptions.SKIP, false));
    }

    static ConcatRequest fromJson(byte[] body, int maxIds) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FrameworkRejection("Failed to parse the request body as JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FrameworkRejection("Failed to deserialize the JSON body: expected an object");
        }
        for (String field : root.propertyNames()) {
            if (!BODY_FIELDS.contains(field)) {
                throw new FrameworkRejection("Failed to deserialize the JSON body: unknown field `" + field + "`");
            }
        }
        JsonNode ids = root.get("ids");
        if (ids == null || !ids.isArray()) {
            throw new FrameworkRejection("Failed to deserialize the JSON body: `ids` must be an array of strings");
        }
        if (ids.size() > maxIds) {
            throw ReadErrors.tooManyIds(maxIds);
        }
        List<String> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString()) {
                throw new FrameworkRejection("Failed to deserialize the JSON body: `ids` must be an array of strings");
            }
            list.add(id.asString());
        }
        return checked(list, flag(root, ReadOptions.STRICT), flag(root, ReadOptions.SKIP));
    }

    /** {@code base64url-nopad(SHA-256(ids joined with ","))}, over the IDs as given. */
    String etag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join(",", ids).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static boolean flag(JsonNode root, String name) {
        JsonNode v = root.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new FrameworkRejection("Failed to deserialize the JSON body: `" + name + "` must be a boolean");
        }
        return v.asBoolean();
    }

    private static ConcatRequest checked(List<String> ids, boolean strict, boolean skip) {
        if (ids.isEmpty()) {
            throw new FrameworkRejection("at least one blob ID or object ID must be provided");
        }
        return new ConcatRequest(ids, ReadOptions.fromFlags(strict, skip));
    }
}
