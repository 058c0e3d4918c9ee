package io.walrusj.core.crypto;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.CryptoException.Reason;
import io.walrusj.core.hash.Blake2b256;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte Sui address. Also used for object IDs, which Sui represents as addresses (Move
 * {@code ID { bytes: address }}). Text form: {@code 0x} followed by 64 lowercase hex digits.
 *
 * <p>{@link #parse} takes only the canonical text; {@link #parseLenient} also takes the short and
 * upper-case forms Sui prints and accepts (e.g. {@code 0x2} for the framework package). In BCS an
 * address (and a Move {@code ID} or {@code UID}) is its 32 raw bytes ({@link #read},
 * {@link #writeBcs}).
 *
 * <p>The address of a single-key account is {@code Blake2b-256(flag || public key)}; for pure
 * Ed25519 the flag is {@code 0x00} and the key is 32 bytes ({@link #fromEd25519PublicKey}).
 */
public final class SuiAddress implements Comparable<SuiAddress> {
    public static final int LENGTH = 32;
    /** Signature scheme flag of pure Ed25519. */
    static final byte ED25519_FLAG = 0x00;

    private final byte[] bytes;

    private SuiAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Wraps 32 raw bytes. */
    public static SuiAddress of(byte[] bytes) {
        Lengths.require(bytes, LENGTH, "Sui address");
        return new SuiAddress(bytes.clone());
    }

    /** {@code Blake2b-256(0x00 || publicKey)}: the address of a pure Ed25519 account. */
    public static SuiAddress fromEd25519PublicKey(byte[] publicKey) {
        Lengths.require(publicKey, Ed25519PublicKey.LENGTH, "Ed25519 public key");
        byte[] input = new byte[1 + Ed25519PublicKey.LENGTH];
        input[0] = ED25519_FLAG;
        System.arraycopy(publicKey, 0, input, 1, Ed25519PublicKey.LENGTH);
        return new SuiAddress(Blake2b256.hash(input));
    }

    /** Parses {@code 0x} + exactly 64 hex digits (either case). Short forms such as {@code 0x2} are rejected. */
    public static SuiAddress parse(String text) {
        if (text == null) {
            throw new NullPointerException("Sui address");
        }
        if (text.length() != 2 + 2 * LENGTH) {
            throw new CryptoException(Reason.WRONG_LENGTH,
                    "a Sui address is 0x followed by 64 hex digits (66 characters), got " + text.length() + " characters");
        }
        if (!text.startsWith("0x")) {
            throw new CryptoException(Reason.INVALID_ENCODING, "a Sui address starts with 0x: " + text);
        }
        try {
            return new SuiAddress(HexFormat.of().parseHex(text, 2, text.length()));
        } catch (IllegalArgumentException e) {
            throw new CryptoException(Reason.INVALID_ENCODING, "invalid hex in Sui address " + text, e);
        }
    }

    /**
     * Parses 1 to 64 hex digits (either case), with or without a {@code 0x} (or {@code 0X}) prefix,
     * left-padded with zeros to 32 bytes: the forms Sui accepts for addresses and object IDs, e.g.
     * {@code 0x2} for the framework package. The canonical text of {@link #parse} is accepted too.
     *
     * @throws CryptoException {@code WRONG_LENGTH} if there are no digits or more than 64,
     *     {@code INVALID_ENCODING} for a character that is not an ASCII hex digit
     */
    public static SuiAddress parseLenient(String text) {
        if (text == null) {
            throw new NullPointerException("Sui address");
        }
        int start = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
        int digits = text.length() - start;
        if (digits < 1 || digits > 2 * LENGTH) {
            throw new CryptoException(Reason.WRONG_LENGTH,
                    "a Sui address is 1 to 64 hex digits with an optional 0x prefix, got " + digits + " digits: '"
                            + abbreviate(text) + "'");
        }
        byte[] out = new byte[LENGTH];
        // Digit i of the text (from the right) is nibble i of the big-endian value.
        for (int i = 0; i < digits; i++) {
            char c = text.charAt(text.length() - 1 - i);
            int v = hexValue(c);
            if (v < 0) {
                throw new CryptoException(Reason.INVALID_ENCODING, "invalid hex digit '" + c + "' at position "
                        + (text.length() - 1 - i) + " of Sui address '" + abbreviate(text) + "'");
            }
            out[LENGTH - 1 - i / 2] |= (byte) (i % 2 == 0 ? v : v << 4);
        }
        return new SuiAddress(out);
    }

    /** Reads the 32 raw bytes of an address, Move {@code ID} or {@code UID} from BCS. */
    public static SuiAddress read(BcsReader reader) {
        return new SuiAddress(reader.fixedBytes(LENGTH));
    }

    /** Writes the 32 raw bytes (the BCS of an address, Move {@code ID} or {@code UID}). */
    public void writeBcs(BcsWriter writer) {
        writer.fixedBytes(bytes);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    void copyTo(byte[] out, int offset) {
        System.arraycopy(bytes, 0, out, offset, LENGTH);
    }

    @Override
    public int compareTo(SuiAddress o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuiAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** {@code 0x} + 64 lowercase hex digits. */
    @Override
    public String toString() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
