package io.walrusj.chain;

import io.walrusj.core.crypto.SuiAddress;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ChainWriter} call did: the transaction digest and the objects it created.
 *
 * @param digest the transaction digest (Base58)
 * @param created the created objects, in the order the chain reported them
 */
public record WriteResult(String digest, List<Created> created) {

    /** A created object and its full Move type. */
    public record Created(SuiAddress id, String type) {
        public Created {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }

    public WriteResult {
        Objects.requireNonNull(digest, "digest");
        created = List.copyOf(created);
    }

    /** The one created object whose type ends with {@code typeSuffix} (e.g. {@code "::blob::Blob"}). */
    public SuiAddress createdOne(String typeSuffix) {
        List<SuiAddress> ids = created.stream().filter(c -> c.type().endsWith(typeSuffix)).map(Created::id).toList();
        if (ids.size() != 1) {
            throw new IllegalStateException("transaction " + digest + " created " + ids.size() + " objects of type ..."
                    + typeSuffix + ", expected 1");
        }
        return ids.getFirst();
    }
}
