package io.walrusj.core.crypto;

/** Fixed-length checks with a typed error. */
final class Lengths {
    private Lengths() {}

    static void require(byte[] bytes, int expected, String what) {
        if (bytes == null) {
            throw new NullPointerException(what);
        }
        if (bytes.length != expected) {
            throw new CryptoException(CryptoException.Reason.WRONG_LENGTH,
                    what + " must be " + expected + " bytes, got " + bytes.length);
        }
    }
}
