package io.walrusj.core.metadata;

import io.walrusj.core.WalrusException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.hash.Blake2b256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 32-byte blob ID: {@code Blake2b-256(encoding_type || u64_le(length) || root_hash)}
 * (docs/spec/walrus-encoding.md 7.3-7.4). Text form: URL-safe base64 without padding (43 characters). On-chain
 * form: the u256 whose little-endian bytes are the raw bytes. Shard rotation uses the big-endian
 * reading mod n.
 */
public final class BlobId implements Comparable<BlobId> {
    public static final int LENGTH = 32;
    private static final Base64.Encoder TEXT_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] bytes;

    private BlobId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static BlobId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new InvalidBlobIdException("a blob ID has 32 bytes, got " + bytes.length);
        }
        return new BlobId(bytes.clone());
    }

    /** Derives the blob ID from the encoding type, unencoded length and root hash of the sliver pairs. */
    public static BlobId derive(EncodingType type, long unencodedLength, byte[] rootHash) {
        byte[] input = new byte[1 + 8 + LENGTH];
        input[0] = (byte) type.id();
        for (int i = 0; i < 8; i++) {
            input[1 + i] = (byte) (unencodedLength >>> (8 * i));
        }
        System.arraycopy(rootHash, 0, input, 9, LENGTH);
        return new BlobId(Blake2b256.hash(input));
    }

    /**
     * Parses the text form: exactly 43 URL-safe base64 characters without padding, decoding to 32
     * bytes, with canonical (zero) trailing bits.
     */
    public static BlobId parse(String text) {
        if (text == null || text.length() != 43) {
            throw new InvalidBlobIdException("a blob ID is 43 URL-safe base64 characters, got "
                    + (text == null ? "null" : text.length() + " characters"));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new InvalidBlobIdException("invalid character '" + c + "' at position " + i + " of blob ID " + text);
            }
        }
        byte[] raw = Base64.getUrlDecoder().decode(text);
        BlobId id = new BlobId(raw);
        if (!id.toString().equals(text)) {
            throw new InvalidBlobIdException("non-canonical blob ID text (trailing bits set): " + text);
        }
        return id;
    }

    /** The blob ID whose on-chain u256 value is {@code value} (little-endian bytes). */
    public static BlobId fromU256(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new InvalidBlobIdException("not a u256: " + value);
        }
        byte[] be = value.toByteArray();
        byte[] le = new byte[LENGTH];
        for (int i = 0; i < Math.min(LENGTH, be.length); i++) {
            le[i] = be[be.length - 1 - i];
        }
        return new BlobId(le);
    }

    public static BlobId fromHex(String hex) {
        try {
            return of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new InvalidBlobIdException("invalid hex blob ID: " + e.getMessage());
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The on-chain u256 value (little-endian reading). */
    public BigInteger toU256() {
        byte[] be = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            be[i] = bytes[LENGTH - 1 - i];
        }
        return new BigInteger(1, be);
    }

    /** {@code (big-endian value) mod n}: the offset that rotates sliver pairs onto shards. */
    public int rotationOffset(int nShards) {
        int acc = 0;
        for (byte b : bytes) {
            acc = (int) (((long) acc * 256 + (b & 0xFF)) % nShards);
        }
        return acc;
    }

    public String toHex() {
        return HexFormat.of().formatHex(bytes);
    }

    public void writeBcs(BcsWriter writer) {
        writer.fixedBytes(bytes);
    }

    public static BlobId read(BcsReader reader) {
        return new BlobId(reader.fixedBytes(LENGTH));
    }

    @Override
    public String toString() {
        return TEXT_ENCODER.encodeToString(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(BlobId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** Thrown for malformed blob-ID text, hex or byte strings. */
    public static final class InvalidBlobIdException extends WalrusException {
        public InvalidBlobIdException(String message) {
            super(message);
        }
    }
}
