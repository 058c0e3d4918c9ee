package io.walrusj.encoder.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Query-string checks the Walrus daemon's extractors make (unknown parameters are rejected). */
public final class QueryParams {
    private QueryParams() {}

    /** Plain-text 400 if the request carries a parameter outside {@code allowed}. */
    public static void requireKnown(Map<String, String[]> parameters, Set<String> allowed) {
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw new FrameworkRejection("Failed to deserialize query string: unknown field `" + name
                        + "`, expected one of " + allowed.stream().sorted().map(s -> "`" + s + "`").toList());
            }
        }
    }

    /** Strict bool as serde parses it: {@code true} or {@code false}; absent -> {@code fallback}. */
    public static boolean bool(Map<String, String[]> parameters, String name, boolean fallback) {
        String v = single(parameters, name);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new FrameworkRejection("Failed to deserialize query string: " + name
                    + ": provided string was not `true` or `false`");
        };
    }

    /** A u32 / u64 parameter; absent -> {@code fallback}; plain-text 400 if not a non-negative integer in range. */
    public static long unsigned(Map<String, String[]> parameters, String name, long fallback, long max) {
        String v = single(parameters, name);
        if (v == null) {
            return fallback;
        }
        try {
            long value = Long.parseUnsignedLong(v);
            if (Long.compareUnsigned(value, max) > 0 || !v.chars().allMatch(Character::isDigit)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new FrameworkRejection("Failed to deserialize query string: " + name + ": invalid digit found in string");
        }
    }

    /** The single value of {@code name}, or null; a repeated parameter is a plain-text 400. */
    public static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return null;
        }
        if (values.length > 1) {
            throw new FrameworkRejection("Failed to deserialize query string: duplicate field `" + name + "`");
        }
        return values[0];
    }

    /**
     * Parses the raw query string as {@code serde_urlencoded} does ({@code +} is a space, percent
     * escapes are UTF-8, empty pairs are skipped). Read from the request line only: the servlet's
     * parameter map could pull form parameters out of the body, which is the blob.
     */
    public static Map<String, String[]> parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new FrameworkRejection("Failed to deserialize query string: invalid percent-encoding in `" + s + "`");
        }
    }
}
