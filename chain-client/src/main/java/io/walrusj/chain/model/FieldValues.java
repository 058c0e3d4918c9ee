package io.walrusj.chain.model;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the canonical field view of an event ({@link WalrusEvent#fields()}): Move field name to
 * a value in one of these forms, which is what Sui's {@code parsedJson} denotes once numbers are
 * normalised:
 * <ul>
 *   <li>every unsigned integer ({@code u8} ... {@code u256}, including blob IDs): {@link BigInteger};
 *   <li>{@code bool}: {@link Boolean};
 *   <li>{@code ID}: {@link SuiAddress};
 *   <li>{@code vector<u16>}: {@code List<BigInteger>};
 *   <li>{@code vector<u8>}: {@link Bytes}.
 * </ul>
 */
final class FieldValues {

    /** A {@code vector<u8>} value (compared as bytes; Sui renders it as a number array). */
    record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && java.util.Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return java.util.HexFormat.of().formatHex(value);
        }
    }

    private final Map<String, Object> map = new LinkedHashMap<>();

    FieldValues u(String name, long unsignedNoMoreThan32Bits) {
        map.put(name, BigInteger.valueOf(unsignedNoMoreThan32Bits));
        return this;
    }

    FieldValues u64(String name, long rawBits) {
        map.put(name, new BigInteger(Long.toUnsignedString(rawBits)));
        return this;
    }

    FieldValues u256(String name, BigInteger value) {
        map.put(name, value);
        return this;
    }

    FieldValues blobId(String name, BlobId id) {
        map.put(name, id.toU256());
        return this;
    }

    FieldValues bool(String name, boolean value) {
        map.put(name, value);
        return this;
    }

    FieldValues id(String name, SuiAddress id) {
        map.put(name, id);
        return this;
    }

    FieldValues u16s(String name, List<Integer> values) {
        List<BigInteger> l = new ArrayList<>(values.size());
        values.forEach(v -> l.add(BigInteger.valueOf(v)));
        map.put(name, Collections.unmodifiableList(l));
        return this;
    }

    FieldValues bytes(String name, byte[] value) {
        map.put(name, new Bytes(value.clone()));
        return this;
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(map);
    }
}
