package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;

/**
 * The 7-byte header shared by all messages signed with node protocol keys (BCS
 * {@code ProtocolMessage}): intent type u8, intent version u8 (always 0), app id u8 (always 3 =
 * storage), epoch u32 LE. {@link #parse} reads the raw fields like Move's
 * {@code messages::new_certified_message} and checks nothing but the length; the {@code require*}
 * methods are the Move checks, in the Move order: version, app id, epoch, then type.
 *
 * @param intentType raw type byte (see {@link IntentType})
 * @param intentVersion raw version byte
 * @param appId raw app id byte
 * @param epoch u32 epoch, 0 .. 2^32 - 1
 */
public record MessageHeader(int intentType, int intentVersion, int appId, long epoch) {
    /** Header length in bytes. */
    public static final int LENGTH = 7;
    /** The only intent version in use. */
    public static final int INTENT_VERSION = 0;
    /** App id of Walrus storage messages. */
    public static final int APP_ID = 3;

    public MessageHeader {
        requireByte(intentType, "intent type");
        requireByte(intentVersion, "intent version");
        requireByte(appId, "app id");
        requireEpochRange(epoch);
    }

    /** The header of a message of {@code type} in {@code epoch} (version 0, app id 3). */
    public static MessageHeader of(IntentType type, long epoch) {
        return new MessageHeader(type.code(), INTENT_VERSION, APP_ID, epoch);
    }

    /** Reads the first 7 bytes of {@code message}; trailing bytes are the body. */
    public static MessageHeader parse(byte[] message) {
        if (message.length < LENGTH) {
            throw new CertificateException(Reason.MALFORMED_MESSAGE,
                    "a protocol message has at least " + LENGTH + " header bytes, got " + message.length);
        }
        long epoch = (message[3] & 0xFFL) | (message[4] & 0xFFL) << 8 | (message[5] & 0xFFL) << 16
                | (message[6] & 0xFFL) << 24;
        return new MessageHeader(message[0] & 0xFF, message[1] & 0xFF, message[2] & 0xFF, epoch);
    }

    /** Writes the 7 header bytes to {@code out[0, 7)}. */
    void writeTo(byte[] out) {
        out[0] = (byte) intentType;
        out[1] = (byte) intentVersion;
        out[2] = (byte) appId;
        for (int i = 0; i < 4; i++) {
            out[3 + i] = (byte) (epoch >>> (8 * i));
        }
    }

    /** The 7 header bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        writeTo(out);
        return out;
    }

    /** Checks intent version 0 then app id 3 ({@code EIncorrectIntentVersion}, {@code EIncorrectAppId}). */
    public void requireVersionAndApp() {
        if (intentVersion != INTENT_VERSION) {
            throw new CertificateException(Reason.WRONG_INTENT_VERSION,
                    "intent version must be " + INTENT_VERSION + ", got " + intentVersion);
        }
        if (appId != APP_ID) {
            throw new CertificateException(Reason.WRONG_APP_ID, "intent app id must be " + APP_ID + ", got " + appId);
        }
    }

    /** Checks the epoch ({@code EIncorrectEpoch}). */
    public void requireEpoch(long expectedEpoch) {
        if (epoch != expectedEpoch) {
            throw new CertificateException(Reason.WRONG_EPOCH,
                    "message epoch " + epoch + " differs from the expected epoch " + expectedEpoch);
        }
    }

    /** Checks the intent type ({@code EInvalidMsgType}). */
    public void requireType(IntentType expected) {
        if (intentType != expected.code()) {
            throw new CertificateException(Reason.WRONG_MESSAGE_TYPE, "expected a " + expected + " message (type "
                    + expected.code() + "), got type " + intentType
                    + IntentType.fromCode(intentType).map(t -> " (" + t + ")").orElse(""));
        }
    }

    /** All four checks in the Move order. */
    public void require(IntentType expectedType, long expectedEpoch) {
        requireVersionAndApp();
        requireEpoch(expectedEpoch);
        requireType(expectedType);
    }

    static long requireEpochRange(long epoch) {
        if (epoch < 0 || epoch > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("epoch is a u32, got " + epoch);
        }
        return epoch;
    }

    private static void requireByte(int value, String what) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(what + " is a u8, got " + value);
        }
    }
}
