package io.walrusj.encoder.read;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.encoder.api.QueryParams;
import java.util.Map;
import java.util.Set;

/**
 * The read routes' query ({@code ReadOptions}: {@code strict_consistency_check},
 * {@code skip_consistency_check}; unknown parameters rejected with a plain-text 400). Both flags
 * set is 400 INVALID_CONSISTENCY_CHECK; neither is the DEFAULT check (walrus-encoding 11.3).
 */
final class ReadOptions {
    static final String STRICT = "strict_consistency_check";
    static final String SKIP = "skip_consistency_check";
    static final Set<String> PARAMETERS = Set.of(STRICT, SKIP);

    private ReadOptions() {}

    static ConsistencyCheck parse(Map<String, String[]> parameters) {
        QueryParams.requireKnown(parameters, PARAMETERS);
        return fromFlags(QueryParams.bool(parameters, STRICT, false), QueryParams.bool(parameters, SKIP, false));
    }

    static ConsistencyCheck fromFlags(boolean strict, boolean skip) {
        if (strict && skip) {
            throw ReadErrors.invalidConsistencyCheck();
        }
        return strict ? ConsistencyCheck.STRICT : skip ? ConsistencyCheck.SKIP : ConsistencyCheck.DEFAULT;
    }
}
