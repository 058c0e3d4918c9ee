package io.walrusj.core.bcs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Canonical BCS encoder writing into a growable byte buffer.
 *
 * <p>All methods return {@code this} for chaining. Values that have no BCS encoding (e.g. a
 * negative {@code u8}, a ULEB128 above 2^32-1, a string with unpaired surrogates, two map keys
 * with identical BCS bytes) are rejected with {@link IllegalArgumentException}; nothing is
 * written in that case. Not thread-safe.
 */
public final class BcsWriter {

    /** Largest value a BCS ULEB128 (length or variant index) may carry: 2^32-1. */
    public static final long MAX_ULEB128 = 0xFFFF_FFFFL;

    private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

    private byte[] buf;
    private int size;

    /** Creates a writer with a small default capacity. */
    public BcsWriter() {
        this(64);
    }

    /** Creates a writer with the given initial capacity (grows as needed). */
    public BcsWriter(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("negative capacity: " + initialCapacity);
        }
        this.buf = new byte[initialCapacity];
    }

    /** Runs {@code body} on a fresh writer and returns the bytes it wrote. */
    public static byte[] encode(Consumer<BcsWriter> body) {
        BcsWriter w = new BcsWriter();
        body.accept(w);
        return w.toByteArray();
    }

    /**
     * As {@link #encode(Consumer)}, for a value whose encoded size is known: one allocation and no
     * copy when {@code size} is exact (large values such as slivers), still correct when it is not.
     */
    public static byte[] encode(int size, Consumer<BcsWriter> body) {
        BcsWriter w = new BcsWriter(size);
        body.accept(w);
        return w.size == w.buf.length ? w.buf : w.toByteArray(); // w is discarded: handing out its buffer is safe
    }

    /**
     * Number of bytes the ULEB128 encoding of {@code value} takes (1..5).
     *
     * @throws IllegalArgumentException if {@code value} is outside {@code [0, 2^32-1]}
     */
    public static int ulebSize(long value) {
        checkUleb(value);
        int n = 1;
        while (value >= 0x80) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    // ---------------------------------------------------------------- primitives

    /** Writes an unsigned 8-bit integer; {@code value} must be in {@code [0, 255]}. */
    public BcsWriter u8(int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("u8 out of range: " + value);
        }
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    /** Writes an unsigned 16-bit little-endian integer; {@code value} must be in {@code [0, 65535]}. */
    public BcsWriter u16(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("u16 out of range: " + value);
        }
        ensure(2);
        buf[size++] = (byte) value;
        buf[size++] = (byte) (value >>> 8);
        return this;
    }

    /** Writes an unsigned 32-bit little-endian integer; {@code value} must be in {@code [0, 2^32-1]}. */
    public BcsWriter u32(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("u32 out of range: " + value);
        }
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    /**
     * Writes an unsigned 64-bit little-endian integer. All 64 bits of {@code value} are used, i.e.
     * negative longs stand for values {@code >= 2^63} ({@code -1L} is {@code u64::MAX}).
     */
    public BcsWriter u64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    /** Writes a {@code u128} given as exactly 16 little-endian bytes. */
    public BcsWriter u128(byte[] littleEndian16) {
        requireLength(littleEndian16, 16, "u128");
        return fixedBytes(littleEndian16);
    }

    /** Writes a {@code u256} given as exactly 32 little-endian bytes. */
    public BcsWriter u256(byte[] littleEndian32) {
        requireLength(littleEndian32, 32, "u256");
        return fixedBytes(littleEndian32);
    }

    /** Writes a boolean as one byte, 0 or 1. */
    public BcsWriter bool(boolean value) {
        ensure(1);
        buf[size++] = (byte) (value ? 1 : 0);
        return this;
    }

    /**
     * Writes {@code value} as canonical ULEB128. BCS only uses ULEB128 for lengths and variant
     * indexes, so {@code value} must be in {@code [0, 2^32-1]}.
     */
    public BcsWriter uleb128(long value) {
        checkUleb(value);
        ensure(5);
        while (value >= 0x80) {
            buf[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buf[size++] = (byte) value;
        return this;
    }

    /** Writes an enum variant index (ULEB128); {@code index} must be non-negative. */
    public BcsWriter variant(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative variant index: " + index);
        }
        return uleb128(index);
    }

    // ---------------------------------------------------------------- byte strings

    /** Writes raw bytes without a length prefix (fixed-size arrays such as {@code [u8; 32]}). */
    public BcsWriter fixedBytes(byte[] bytes) {
        return fixedBytes(bytes, 0, bytes.length);
    }

    /** Writes {@code len} raw bytes of {@code bytes} starting at {@code off}, without a length prefix. */
    public BcsWriter fixedBytes(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        ensure(len);
        System.arraycopy(bytes, off, buf, size, len);
        size += len;
        return this;
    }

    /** Writes a {@code Vec<u8>}: ULEB128 length followed by the bytes. */
    public BcsWriter bytes(byte[] bytes) {
        return bytes(bytes, 0, bytes.length);
    }

    /** Writes a {@code Vec<u8>} made of {@code len} bytes of {@code bytes} starting at {@code off}. */
    public BcsWriter bytes(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        uleb128(len);
        return fixedBytes(bytes, off, len);
    }

    /**
     * Writes a UTF-8 string: ULEB128 byte length followed by the UTF-8 bytes.
     *
     * @throws IllegalArgumentException if {@code value} contains unpaired surrogates (it has no
     *     UTF-8 encoding; {@link String#getBytes} would silently substitute '?')
     */
    public BcsWriter string(String value) {
        ByteBuffer encoded;
        try {
            encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("string is not encodable as UTF-8 (unpaired surrogate?)", e);
        }
        int len = encoded.remaining();
        uleb128(len);
        ensure(len);
        encoded.get(buf, size, len);
        size += len;
        return this;
    }

    // ---------------------------------------------------------------- containers

    /**
     * Writes an {@code Option<T>}: {@code null} is None (tag 0), anything else is Some (tag 1
     * followed by the value written by {@code writer}).
     */
    public <T> BcsWriter option(T value, BiConsumer<BcsWriter, ? super T> writer) {
        if (value == null) {
            return u8(0);
        }
        u8(1);
        writer.accept(this, value);
        return this;
    }

    /** Writes a {@code Vec<T>}: ULEB128 element count, then every element in list order. */
    public <T> BcsWriter sequence(List<? extends T> values, BiConsumer<BcsWriter, ? super T> writer) {
        uleb128(values.size());
        for (T v : values) {
            writer.accept(this, v);
        }
        return this;
    }

    /**
     * Writes a {@code BTreeMap<K, V>}: ULEB128 entry count, then the (key, value) pairs sorted by
     * the BCS bytes of the key (lexicographic, unsigned), whatever the iteration order of
     * {@code map}.
     *
     * @throws IllegalArgumentException if two keys encode to the same bytes
     */
    public <K, V> BcsWriter map(Map<? extends K, ? extends V> map,
            BiConsumer<BcsWriter, ? super K> keyWriter,
            BiConsumer<BcsWriter, ? super V> valueWriter) {
        return map(map.entrySet(), keyWriter, valueWriter);
    }

    /**
     * Like {@link #map(Map, BiConsumer, BiConsumer)} but takes the entries as a collection (useful
     * when keys are not {@code equals}-comparable).
     *
     * @throws IllegalArgumentException if two keys encode to the same bytes
     */
    public <K, V> BcsWriter map(Collection<? extends Map.Entry<? extends K, ? extends V>> entries,
            BiConsumer<BcsWriter, ? super K> keyWriter,
            BiConsumer<BcsWriter, ? super V> valueWriter) {
        record Encoded<E>(byte[] key, E value) {}
        List<Encoded<V>> encoded = new ArrayList<>(entries.size());
        for (Map.Entry<? extends K, ? extends V> e : entries) {
            BcsWriter kw = new BcsWriter(16);
            keyWriter.accept(kw, e.getKey());
            encoded.add(new Encoded<>(kw.toByteArray(), e.getValue()));
        }
        encoded.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        for (int i = 1; i < encoded.size(); i++) {
            if (Arrays.equals(encoded.get(i - 1).key(), encoded.get(i).key())) {
                throw new IllegalArgumentException("duplicate map key (BCS bytes "
                        + HexFormat.of().formatHex(encoded.get(i).key()) + ")");
            }
        }
        uleb128(encoded.size());
        for (Encoded<V> e : encoded) {
            fixedBytes(e.key());
            valueWriter.accept(this, e.value());
        }
        return this;
    }

    // ---------------------------------------------------------------- output

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    // ---------------------------------------------------------------- internals

    private static void checkUleb(long value) {
        if (value < 0 || value > MAX_ULEB128) {
            throw new IllegalArgumentException("ULEB128 value out of BCS range [0, 2^32-1]: " + value);
        }
    }

    private static void requireLength(byte[] bytes, int expected, String what) {
        if (bytes.length != expected) {
            throw new IllegalArgumentException(
                    what + " needs exactly " + expected + " little-endian bytes, got " + bytes.length);
        }
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed < 0 || needed > MAX_ARRAY_SIZE) {
            throw new IllegalArgumentException("BCS output would exceed the maximum array size");
        }
        if (needed > buf.length) {
            int newCap = (int) Math.min(MAX_ARRAY_SIZE, Math.max((long) buf.length * 2, needed));
            buf = Arrays.copyOf(buf, Math.max(newCap, 16));
        }
    }
}
