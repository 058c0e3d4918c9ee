package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The signer set of a certificate as {@code certify_blob} takes it: bit {@code i} (byte
 * {@code i / 8}, bit {@code i % 8}, least significant first) is set if committee member {@code i}
 * signed. {@link #parse} applies the chain's rules (docs/spec/walrus-chain.md 3.1): at most
 * {@code ceil(members / 8)} bytes, shorter allowed (missing bytes are non-signers), no set bit at
 * an index {@code >= members}. {@link #fromIndices} always produces {@code ceil(members / 8)} bytes.
 * Equality is by member count and bytes as given.
 */
public final class SignersBitmap {
    private final int memberCount;
    private final byte[] bytes;

    private SignersBitmap(int memberCount, byte[] bytes) {
        this.memberCount = memberCount;
        this.bytes = bytes;
    }

    /** Maximum bitmap length for a committee of {@code memberCount} members: {@code ceil(memberCount / 8)}. */
    public static int maxLength(int memberCount) {
        return (memberCount + 7) / 8;
    }

    /** The bitmap naming exactly {@code signerIndices}; each must be in [0, memberCount) and appear once. */
    public static SignersBitmap fromIndices(int memberCount, int... signerIndices) {
        requireMemberCount(memberCount);
        byte[] b = new byte[maxLength(memberCount)];
        for (int i : signerIndices) {
            if (i < 0 || i >= memberCount) {
                throw new IllegalArgumentException("signer index " + i + " out of range [0, " + memberCount + ")");
            }
            if ((b[i >>> 3] & (1 << (i & 7))) != 0) {
                throw new IllegalArgumentException("signer index " + i + " given twice");
            }
            b[i >>> 3] |= (byte) (1 << (i & 7));
        }
        return new SignersBitmap(memberCount, b);
    }

    /** Validates {@code bitmap} for a committee of {@code memberCount} members (Move {@code EInvalidBitmap}). */
    public static SignersBitmap parse(byte[] bitmap, int memberCount) {
        requireMemberCount(memberCount);
        int max = maxLength(memberCount);
        if (bitmap.length > max) {
            throw new CertificateException(Reason.INVALID_BITMAP, "signers bitmap has " + bitmap.length
                    + " bytes, at most ceil(" + memberCount + " / 8) = " + max + " allowed");
        }
        for (int byteIndex = 0; byteIndex < bitmap.length; byteIndex++) {
            int v = bitmap[byteIndex] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                int index = byteIndex * 8 + bit;
                if (index >= memberCount && (v & (1 << bit)) != 0) {
                    throw new CertificateException(Reason.INVALID_BITMAP, "signers bitmap sets bit " + index
                            + " but the committee has only " + memberCount + " members");
                }
            }
        }
        return new SignersBitmap(memberCount, bitmap.clone());
    }

    public int memberCount() {
        return memberCount;
    }

    /** The bitmap bytes (as parsed, or {@code ceil(members / 8)} bytes when built from indices). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    public boolean isSigner(int memberIndex) {
        if (memberIndex < 0 || memberIndex >= memberCount) {
            throw new IndexOutOfBoundsException("member index " + memberIndex + " out of range [0, " + memberCount + ")");
        }
        int byteIndex = memberIndex >>> 3;
        return byteIndex < bytes.length && (bytes[byteIndex] & (1 << (memberIndex & 7))) != 0;
    }

    public int signerCount() {
        int n = 0;
        for (byte b : bytes) {
            n += Integer.bitCount(b & 0xFF);
        }
        return n;
    }

    /** Signer indices in ascending order. */
    public int[] signerIndices() {
        int[] out = new int[signerCount()];
        int k = 0;
        for (int i = 0; i < memberCount; i++) {
            if (isSigner(i)) {
                out[k++] = i;
            }
        }
        return out;
    }

    private static void requireMemberCount(int memberCount) {
        if (memberCount < 0) {
            throw new IllegalArgumentException("member count must be >= 0, got " + memberCount);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignersBitmap other && memberCount == other.memberCount && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * memberCount + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SignersBitmap[members=" + memberCount + ", bytes=" + HexFormat.of().formatHex(bytes) + "]";
    }
}
