package io.walrusj.core.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Base58 with the Bitcoin alphabet, the text form of Sui transaction and checkpoint digests.
 * Leading zero bytes become leading '1's; decoding rejects characters outside the alphabet.
 */
public final class Base58 {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {}

    public static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    /**
     * Decodes text of any length, e.g. the legacy Base58 {@code bcs} of Sui events; the same as
     * {@code decode(text, 0)}.
     *
     * @throws CryptoException ({@code INVALID_ENCODING}) on a character outside the alphabet
     */
    public static byte[] decode(String text) {
        return decode(text, 0);
    }

    /**
     * Decodes; {@code expectedLength} > 0 also checks the decoded length (e.g. 32 for a digest),
     * 0 or less accepts any length.
     *
     * @throws CryptoException {@code INVALID_ENCODING} on a character outside the alphabet,
     *     {@code WRONG_LENGTH} if the decoded length is not {@code expectedLength}
     */
    public static byte[] decode(String text, int expectedLength) {
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new CryptoException(CryptoException.Reason.INVALID_ENCODING,
                        "invalid base58 character '" + text.charAt(i) + "' at position " + i);
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        if (magnitude.length > 0 && magnitude[0] == 0) {
            magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
        }
        byte[] out = new byte[zeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, zeros, magnitude.length);
        if (expectedLength > 0 && out.length != expectedLength) {
            throw new CryptoException(CryptoException.Reason.WRONG_LENGTH,
                    "base58 value decodes to " + out.length + " bytes, expected " + expectedLength);
        }
        return out;
    }
}
