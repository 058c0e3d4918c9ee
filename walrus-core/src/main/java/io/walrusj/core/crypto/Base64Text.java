package io.walrusj.core.crypto;

import java.util.Base64;

/** Strict standard base64 (with padding) decoding with a typed error. */
final class Base64Text {
    private Base64Text() {}

    static byte[] decode(String text, String what) {
        if (text == null) {
            throw new NullPointerException(what);
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.INVALID_ENCODING,
                    what + " is not canonical standard base64 with padding: " + e.getMessage(), e);
        }
    }
}
