package io.walrusj.encoder.publish;

import io.walrusj.encoder.api.FrameworkRejection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the raw query string as {@code serde_urlencoded} does ({@code +} is a space, percent
 * escapes are UTF-8, empty pairs are skipped). Read from the request line only: the servlet's
 * parameter map could pull form parameters out of the body, which is the blob.
 */
final class QueryStrings {
    private QueryStrings() {}

    static Map<String, String[]> parse(String rawQuery) {
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
