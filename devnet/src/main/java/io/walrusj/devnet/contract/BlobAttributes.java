package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Move {@code metadata::Metadata { metadata: VecMap<String, String> }}, the value of a blob's
 * {@code b"metadata"} dynamic field (the blob attributes). Insertion-ordered like a VecMap;
 * updating a key moves it to the end (Move removes then inserts). Immutable.
 */
record BlobAttributes(List<Map.Entry<String, String>> entries) implements MoveValue {
    /** The dynamic field name of the attributes. */
    static final byte[] FIELD_NAME = "metadata".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    BlobAttributes {
        entries = List.copyOf(entries);
    }

    static BlobAttributes empty() {
        return new BlobAttributes(List.of());
    }

    Optional<String> get(String key) {
        return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst();
    }

    /** {@code insert_or_update}: removes an existing pair, then appends. */
    BlobAttributes with(String key, String value) {
        List<Map.Entry<String, String>> out = new ArrayList<>(entries);
        out.removeIf(e -> e.getKey().equals(key));
        out.add(Map.entry(key, value));
        return new BlobAttributes(out);
    }

    /** {@code remove}: aborts with {@code EKeyDoesNotExist} when the key is absent. */
    BlobAttributes without(String key) {
        List<Map.Entry<String, String>> out = new ArrayList<>(entries);
        if (!out.removeIf(e -> e.getKey().equals(key))) {
            throw new ContractException(AbortReason.EKeyDoesNotExist, "blob attribute '" + key + "' is not set");
        }
        return new BlobAttributes(out);
    }

    @Override
    public String type(TypeNames types) {
        return types.walrus("metadata", "Metadata");
    }

    @Override
    public void writeBcs(BcsWriter w) {
        w.sequence(entries, (ww, e) -> ww.string(e.getKey()).string(e.getValue()));
    }

    @Override
    public Map<String, Object> json() {
        List<Map<String, Object>> contents = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            contents.add(Json.entry(e.getKey(), e.getValue()));
        }
        return Json.obj().put("metadata", Json.vecMap(contents)).build();
    }

    @Override
    public BlobAttributes copy() {
        return this;
    }
}
