package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for Sui {@code parsedJson}-style values (see {@link LedgerObject#json()}). */
final class Json {
    private Json() {}

    static String u64(long value) {
        return Long.toUnsignedString(value);
    }

    static String u256(BlobId blobId) {
        return blobId.toU256().toString();
    }

    static String id(SuiAddress id) {
        return id.toString();
    }

    static Map<String, Object> uid(SuiAddress id) {
        return obj().put("id", id.toString()).build();
    }

    static List<Integer> bytes(byte[] value) {
        List<Integer> out = new ArrayList<>(value.length);
        for (byte b : value) {
            out.add(b & 0xFF);
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code VecMap} as Sui renders it: {@code {"contents": [{"key": k, "value": v}, ...]}}. */
    static Map<String, Object> vecMap(List<Map<String, Object>> entries) {
        return obj().put("contents", List.copyOf(entries)).build();
    }

    static Map<String, Object> entry(Object key, Object value) {
        return obj().put("key", key).put("value", value).build();
    }

    /** A Move enum value: {@code {"variant": name, "fields": {...}}}. */
    static Map<String, Object> variant(String name, Map<String, Object> fields) {
        return obj().put("variant", name).put("fields", fields).build();
    }

    static Map<String, Object> balance(long value) {
        return obj().put("value", u64(value)).build();
    }

    /** {@code Element<G>} ({@code { bytes: vector<u8> }}). */
    static Map<String, Object> element(byte[] bytes) {
        return obj().put("bytes", bytes(bytes)).build();
    }

    static Builder obj() {
        return new Builder();
    }

    /** An insertion-ordered map that allows null values (Move {@code Option::none}). */
    static final class Builder {
        private final LinkedHashMap<String, Object> map = new LinkedHashMap<>();

        Builder put(String key, Object value) {
            map.put(key, value);
            return this;
        }

        Map<String, Object> build() {
            return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }
}
