package io.walrusj.chain;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte Sui object ID or address (Move {@code ID}, {@code UID}, {@code address}: the same
 * 32 raw bytes in BCS). The text form is {@code 0x} followed by 64 lower-case hex digits, which is
 * how Sui's JSON-RPC prints IDs and addresses; {@link #parse} also accepts the short forms Sui
 * uses for system packages ({@code 0x2}) and upper-case digits.
 *
 * <p>The byte array is copied on the way in and out, so instances are immutable; equality is by
 * content.
 */
public record ObjectId(byte[] bytes) implements Comparable<ObjectId> {

    /** Length of an ID in bytes. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();

    /** @throws IllegalArgumentException if {@code bytes} is not exactly 32 bytes */
    public ObjectId {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("an object ID has 32 bytes, got "
                    + (bytes == null ? "null" : bytes.length));
        }
        bytes = bytes.clone();
    }

    /**
     * Parses {@code 0x}-prefixed hex (1 to 64 digits, left-padded with zeros; case-insensitive).
     * The {@code 0x} prefix is optional.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ObjectId parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("object ID text is null");
        }
        String hex = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (hex.isEmpty() || hex.length() > 2 * LENGTH) {
            throw new IllegalArgumentException("an object ID is 1 to 64 hex digits after 0x: '" + text + "'");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("invalid hex digit '" + hex.charAt(i) + "' in object ID '" + text + "'");
            }
        }
        String padded = "0".repeat(2 * LENGTH - hex.length()) + hex;
        return new ObjectId(HEX.parseHex(padded));
    }

    /** Reads 32 raw bytes (a Move {@code ID}, {@code UID} or {@code address}). */
    public static ObjectId read(BcsReader reader) {
        return new ObjectId(reader.fixedBytes(LENGTH));
    }

    /** Writes the 32 raw bytes. */
    public void writeBcs(BcsWriter writer) {
        writer.fixedBytes(bytes);
    }

    /** A copy of the 32 bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** 64 lower-case hex digits without prefix. */
    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** {@code 0x} followed by 64 lower-case hex digits. */
    @Override
    public String toString() {
        return "0x" + toHex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic order of the bytes (equal to the order of the big-endian u256 value). */
    @Override
    public int compareTo(ObjectId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }
}
