package io.walrusj.storage.heal;

import io.walrusj.core.sliver.SymbolId;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits symbol ids into requests whose {@code id=<row>-<col>&...} query stays under a length
 * limit: servers cap the request line (Tomcat at 8 KiB by default, including the path and the
 * other headers' budget), and an id costs up to 15 characters at n = 49,152.
 */
final class SymbolIdBatches {
    /** Query characters per request; about 330 ids at n = 1000, leaving room below an 8 KiB request line. */
    static final int MAX_QUERY_CHARS = 4000;

    private SymbolIdBatches() {
    }

    static List<List<SymbolId>> split(List<SymbolId> ids, int maxQueryChars) {
        List<List<SymbolId>> out = new ArrayList<>();
        List<SymbolId> current = new ArrayList<>();
        int chars = 0;
        for (SymbolId id : ids) {
            int cost = "id=".length() + id.toString().length() + 1; // + the '&'
            if (!current.isEmpty() && chars + cost > maxQueryChars) {
                out.add(current);
                current = new ArrayList<>();
                chars = 0;
            }
            current.add(id);
            chars += cost;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
