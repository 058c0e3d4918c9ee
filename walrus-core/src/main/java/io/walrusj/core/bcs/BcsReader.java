package io.walrusj.core.bcs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Strict BCS decoder over a region of a {@code byte[]}.
 *
 * <p>Only canonical encodings are accepted; anything else raises {@link BcsException} with the
 * offending offset. Offsets ({@link #position()} and those in messages) are relative to the start
 * of the region given to the constructor. The input array is not copied, and must not be modified
 * while it is being read. After an exception the reader's position is unspecified. Not
 * thread-safe.
 *
 * <p>Unsigned integer mapping: {@code u8} and {@code u16} are returned as a non-negative
 * {@code int}, {@code u32} as a non-negative {@code long}, {@code u64} as a {@code long} holding
 * the raw 64 bits (values {@code >= 2^63} come back negative; use {@link Long#toUnsignedString},
 * {@link Long#compareUnsigned} etc.). {@code u128}/{@code u256} are returned as 16/32
 * little-endian bytes.
 */
public final class BcsReader {

    /** Largest accepted length prefix, as in the Rust crate ({@code MAX_SEQUENCE_LENGTH = 2^31-1}). */
    public static final int MAX_LENGTH = Integer.MAX_VALUE;

    private final byte[] data;
    private final int start;
    private final int end;
    private int pos;
    private CharsetDecoder utf8;

    /** Reads all of {@code data}. */
    public BcsReader(byte[] data) {
        this(data, 0, data.length);
    }

    /** Reads {@code length} bytes of {@code data} starting at {@code offset}. */
    public BcsReader(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        this.data = data;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
    }

    /**
     * Decodes {@code bytes} completely: runs {@code reader} and then {@link #expectEnd()}.
     *
     * @throws BcsException if the bytes are malformed, non-canonical or have trailing bytes
     */
    public static <T> T decode(byte[] bytes, Function<BcsReader, ? extends T> reader) {
        BcsReader r = new BcsReader(bytes);
        T value = reader.apply(r);
        r.expectEnd();
        return value;
    }

    // ---------------------------------------------------------------- position

    /** Number of bytes consumed so far (offset relative to the start of the region). */
    public int position() {
        return pos - start;
    }

    /** Number of bytes left to read. */
    public int remaining() {
        return end - pos;
    }

    /** Throws if any input is left over. */
    public void expectEnd() {
        if (pos != end) {
            throw new BcsException("trailing bytes: " + remaining() + " after offset " + position(), position());
        }
    }

    // ---------------------------------------------------------------- primitives

    /** Reads a {@code u8}, returned in {@code [0, 255]}. */
    public int u8() {
        require(1);
        return data[pos++] & 0xFF;
    }

    /** Reads a little-endian {@code u16}, returned in {@code [0, 65535]}. */
    public int u16() {
        require(2);
        int v = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
        pos += 2;
        return v;
    }

    /** Reads a little-endian {@code u32}, returned as a non-negative long in {@code [0, 2^32-1]}. */
    public long u32() {
        require(4);
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) (data[pos + i] & 0xFF) << (8 * i);
        }
        pos += 4;
        return v;
    }

    /**
     * Reads a little-endian {@code u64}. The result holds the raw 64 bits: values {@code >= 2^63}
     * are negative as a Java long ({@code u64::MAX} is {@code -1L}).
     */
    public long u64() {
        require(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (data[pos + i] & 0xFF) << (8 * i);
        }
        pos += 8;
        return v;
    }

    /** Reads a {@code u128}, returned as its 16 little-endian bytes. */
    public byte[] u128() {
        return fixedBytes(16);
    }

    /** Reads a {@code u256}, returned as its 32 little-endian bytes. */
    public byte[] u256() {
        return fixedBytes(32);
    }

    /** Reads a {@code bool}; only the bytes 0 and 1 are accepted. */
    public boolean bool() {
        int at = position();
        int b = u8();
        return switch (b) {
            case 0 -> false;
            case 1 -> true;
            default -> throw new BcsException(
                    "invalid bool 0x" + hex(b) + " at offset " + at + " (expected 0 or 1)", at);
        };
    }

    /**
     * Reads a canonical ULEB128 whose value fits in a {@code u32}, exactly as the Rust crate's
     * {@code parse_u32_from_uleb128}: at most 5 bytes, no redundant trailing zero group, value
     * {@code <= 2^32-1}.
     *
     * @return the value, in {@code [0, 2^32-1]}
     */
    public long uleb128() {
        int at = position();
        long value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (pos >= end) {
                throw new BcsException("truncated input: ULEB128 at offset " + at + " ends after "
                        + (position() - at) + " bytes", position());
            }
            int b = data[pos++] & 0xFF;
            int digit = b & 0x7F;
            value |= (long) digit << shift;
            if (digit == b) {
                if (shift > 0 && digit == 0) {
                    throw new BcsException("non-canonical ULEB128 at offset " + at
                            + " (redundant trailing zero group)", at);
                }
                if (value > BcsWriter.MAX_ULEB128) {
                    throw new BcsException("ULEB128 overflow at offset " + at + ": value " + value
                            + " does not fit in u32", at);
                }
                return value;
            }
        }
        throw new BcsException("ULEB128 overflow at offset " + at
                + ": more than 5 bytes, value does not fit in u32", at);
    }

    /**
     * Reads a canonical ULEB128 (see {@link #uleb128()}) used as a length: additionally the value
     * must not exceed {@link #MAX_LENGTH} ({@code 2^31-1}, the Rust crate's
     * {@code MAX_SEQUENCE_LENGTH}).
     */
    public int uleb128AsInt() {
        int at = position();
        long v = uleb128();
        if (v > MAX_LENGTH) {
            throw new BcsException("length " + v + " at offset " + at + " exceeds maximum " + MAX_LENGTH, at);
        }
        return (int) v;
    }

    /**
     * Reads an enum variant index and checks it against the number of variants.
     *
     * @param typeName enum name used in the error message
     * @param variantCount number of variants; valid indexes are {@code 0..variantCount-1}
     * @return the variant index
     */
    public int variant(String typeName, int variantCount) {
        int at = position();
        long v = uleb128();
        if (v >= variantCount) {
            throw new BcsException("unknown variant " + v + " of " + typeName + " at offset " + at
                    + " (" + variantCount + " variants)", at);
        }
        return (int) v;
    }

    // ---------------------------------------------------------------- byte strings

    /** Reads {@code n} raw bytes (fixed-size array, no length prefix); returns a copy. */
    public byte[] fixedBytes(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length: " + n);
        }
        require(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    /**
     * Reads a {@code Vec<u8>} (ULEB128 length then bytes); returns a copy. The length is checked
     * against the remaining input before anything is allocated.
     */
    public byte[] bytes() {
        int len = lengthWithin();
        byte[] out = Arrays.copyOfRange(data, pos, pos + len);
        pos += len;
        return out;
    }

    /** Reads a UTF-8 string (ULEB128 byte length then bytes); malformed UTF-8 is rejected. */
    public String string() {
        int len = lengthWithin();
        int strStart = position();
        CharsetDecoder dec = utf8();
        ByteBuffer in = ByteBuffer.wrap(data, pos, len);
        CharBuffer out = CharBuffer.allocate(len); // UTF-8 never yields more chars than bytes
        CoderResult res = dec.decode(in, out, true);
        if (!res.isError()) {
            res = dec.flush(out);
        }
        if (res.isError()) {
            int bad = in.position() - start;
            throw new BcsException("invalid UTF-8 at offset " + bad + " in string starting at offset "
                    + strStart + " (" + len + " bytes)", bad);
        }
        pos += len;
        return out.flip().toString();
    }

    // ---------------------------------------------------------------- containers

    /**
     * Reads an {@code Option<T>}: tag 0 gives {@link Optional#empty()}, tag 1 reads the value with
     * {@code reader}; any other tag is rejected. {@code reader} must not return null.
     */
    public <T> Optional<T> option(Function<BcsReader, ? extends T> reader) {
        int at = position();
        int tag = u8();
        return switch (tag) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(reader.apply(this));
            default -> throw new BcsException(
                    "invalid Option tag 0x" + hex(tag) + " at offset " + at + " (expected 0 or 1)", at);
        };
    }

    /**
     * Reads a {@code Vec<T>}: ULEB128 count then that many elements; returns a new mutable list.
     * The initial capacity is capped by the remaining input so a hostile count cannot force a
     * large allocation up front.
     */
    public <T> List<T> sequence(Function<BcsReader, ? extends T> reader) {
        int n = uleb128AsInt();
        List<T> out = new ArrayList<>(Math.min(n, remaining()));
        for (int i = 0; i < n; i++) {
            out.add(reader.apply(this));
        }
        return out;
    }

    /**
     * Reads a {@code BTreeMap<K, V>}: ULEB128 count then (key, value) pairs. The BCS bytes of each
     * key must be strictly greater (lexicographic, unsigned) than those of the previous key, which
     * rejects both non-canonical order and duplicates. Returns a new {@link LinkedHashMap} in
     * encounter (= canonical) order.
     */
    public <K, V> Map<K, V> map(Function<BcsReader, ? extends K> keyReader,
            Function<BcsReader, ? extends V> valueReader) {
        int n = uleb128AsInt();
        Map<K, V> out = LinkedHashMap.newLinkedHashMap(Math.min(n, remaining()));
        int prevFrom = -1;
        int prevTo = -1;
        for (int i = 0; i < n; i++) {
            int keyFrom = pos;
            K key = keyReader.apply(this);
            int keyTo = pos;
            if (prevFrom >= 0) {
                int cmp = Arrays.compareUnsigned(data, prevFrom, prevTo, data, keyFrom, keyTo);
                if (cmp == 0) {
                    throw new BcsException("duplicate map key at offset " + (keyFrom - start), keyFrom - start);
                }
                if (cmp > 0) {
                    throw new BcsException("map keys not in canonical order at offset " + (keyFrom - start)
                            + ": key bytes sort before the previous key", keyFrom - start);
                }
            }
            V value = valueReader.apply(this);
            if (out.containsKey(key)) {
                // Distinct bytes but equal Java keys: the key reader is not injective.
                throw new BcsException("duplicate map key at offset " + (keyFrom - start)
                        + " (distinct bytes decode to equal keys)", keyFrom - start);
            }
            out.put(key, value);
            prevFrom = keyFrom;
            prevTo = keyTo;
        }
        return out;
    }

    // ---------------------------------------------------------------- internals

    private void require(int n) {
        if (end - pos < n) {
            throw new BcsException("truncated input: needed " + n + " bytes at offset " + position()
                    + ", " + remaining() + " left", position());
        }
    }

    /** Reads a length prefix and checks it against the remaining input (before any allocation). */
    private int lengthWithin() {
        int at = position();
        int len = uleb128AsInt();
        if (len > remaining()) {
            throw new BcsException("truncated input: length prefix " + len + " at offset " + at
                    + " exceeds remaining input (" + remaining() + " bytes left)", at);
        }
        return len;
    }

    private CharsetDecoder utf8() {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        } else {
            utf8.reset();
        }
        return utf8;
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }
}
