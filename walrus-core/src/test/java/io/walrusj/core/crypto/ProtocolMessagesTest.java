package io.walrusj.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.CertificateException.Reason;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.sliver.SliverType;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Exact bytes, hand-computed from docs/spec/walrus-storage-node-api.md 4.4 / 6.3 / 6.4 / 9 and docs/spec/walrus-chain.md 3.1. */
class ProtocolMessagesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final BlobId BLOB = BlobId.of(filled(32, 0x07));
    private static final SuiAddress OBJECT = SuiAddress.of(filled(32, 0x2a));

    static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static String rep(String hexByte, int n) {
        return hexByte.repeat(n);
    }

    @Test
    void permanentConfirmationMatchesSpecExample() {
        byte[] m = StorageConfirmationMessage.permanent(21, BLOB).toBytes();
        assertThat(m).hasSize(40);
        assertThat(HEX.formatHex(m)).isEqualTo("01000315000000" + rep("07", 32) + "00");
    }

    @Test
    void deletableConfirmationMatchesSpecExample() {
        byte[] m = StorageConfirmationMessage.deletable(21, BLOB, OBJECT).toBytes();
        assertThat(m).hasSize(72);
        assertThat(HEX.formatHex(m)).isEqualTo("01000315000000" + rep("07", 32) + "01" + rep("2a", 32));
    }

    @Test
    void epochIsU32LittleEndian() {
        byte[] m = StorageConfirmationMessage.permanent(0xFFFF_FFFEL, BLOB).toBytes();
        assertThat(HEX.formatHex(m, 0, 7)).isEqualTo("010003feffffff");
        assertThat(HEX.formatHex(StorageConfirmationMessage.permanent(0x01020304, BLOB).toBytes(), 0, 7))
                .isEqualTo("01000304030201");
        assertThatThrownBy(() -> StorageConfirmationMessage.permanent(1L << 32, BLOB))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageConfirmationMessage.permanent(-1, BLOB))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void confirmationParsesBackAndIgnoresTrailingBytesLikeMove() {
        var permanent = StorageConfirmationMessage.permanent(21, BLOB);
        var deletable = StorageConfirmationMessage.deletable(21, BLOB, OBJECT);
        assertThat(StorageConfirmationMessage.parse(permanent.toBytes())).isEqualTo(permanent);
        assertThat(StorageConfirmationMessage.parse(deletable.toBytes())).isEqualTo(deletable);
        byte[] extended = Arrays.copyOf(permanent.toBytes(), 45);
        assertThat(StorageConfirmationMessage.parse(extended)).isEqualTo(permanent);
    }

    @Test
    void confirmationParseRejectsBadBodies() {
        byte[] m = StorageConfirmationMessage.permanent(21, BLOB).toBytes();
        byte[] badType = m.clone();
        badType[39] = 2;
        assertReason(() -> StorageConfirmationMessage.parse(badType), Reason.MALFORMED_MESSAGE);
        assertReason(() -> StorageConfirmationMessage.parse(Arrays.copyOf(m, 39)), Reason.MALFORMED_MESSAGE);
        byte[] truncatedDeletable = Arrays.copyOf(StorageConfirmationMessage.deletable(21, BLOB, OBJECT).toBytes(), 71);
        assertReason(() -> StorageConfirmationMessage.parse(truncatedDeletable), Reason.MALFORMED_MESSAGE);
        assertReason(() -> StorageConfirmationMessage.parse(new InvalidBlobIdMessage(21, BLOB).toBytes()),
                Reason.WRONG_MESSAGE_TYPE);
        byte[] v1 = m.clone();
        v1[1] = 1;
        assertReason(() -> StorageConfirmationMessage.parse(v1), Reason.WRONG_INTENT_VERSION);
        byte[] app = m.clone();
        app[2] = 0;
        assertReason(() -> StorageConfirmationMessage.parse(app), Reason.WRONG_APP_ID);
    }

    @Test
    void invalidBlobIdMessage() {
        byte[] m = new InvalidBlobIdMessage(21, BLOB).toBytes();
        assertThat(m).hasSize(39);
        assertThat(HEX.formatHex(m)).isEqualTo("02000315000000" + rep("07", 32));
        assertThat(InvalidBlobIdMessage.parse(m)).isEqualTo(new InvalidBlobIdMessage(21, BLOB));
        assertReason(() -> InvalidBlobIdMessage.parse(Arrays.copyOf(m, 38)), Reason.MALFORMED_MESSAGE);
    }

    @Test
    void proofOfPossessionMessage() {
        // Walrus Move test_node: node 1 has address 0x..01; key = scalar 117 (test_utils::bls_sk_for_testing).
        BlsKeyPair kp = BlsKeyPair.fromSecretKeyBytes(BlsTest.scalar("75"));
        SuiAddress addr = SuiAddress.parse("0x" + rep("00", 31) + "01");
        byte[] m = new ProofOfPossessionMessage(5, addr, kp.publicKey()).toBytes();
        assertThat(m).hasSize(87);
        assertThat(HEX.formatHex(m)).isEqualTo("00000305000000" + rep("00", 31) + "01"
                + "95eacc3adc09c827593f581e8e2de068bf4cf5d0c0eb29e5372f0d23364788ee0f9beb112c8a7e9c2f0c720433705cf0");

        BlsSignature pop = ProofOfPossessionMessage.prove(kp, 5, addr);
        assertThat(new ProofOfPossessionMessage(5, addr, kp.publicKey()).verify(pop)).isTrue();
        assertThat(new ProofOfPossessionMessage(6, addr, kp.publicKey()).verify(pop)).isFalse();
        assertThat(new ProofOfPossessionMessage(5, OBJECT, kp.publicKey()).verify(pop)).isFalse();
        BlsKeyPair other = BlsTest.key(9);
        assertThat(new ProofOfPossessionMessage(5, addr, other.publicKey()).verify(pop)).isFalse();
    }

    @Test
    void syncShardMessage() {
        byte[] m = SyncShardMessage.of(21, 0x0102, SliverType.SECONDARY, BLOB, 1000).toBytes();
        assertThat(m).hasSize(55);
        assertThat(HEX.formatHex(m)).isEqualTo("03000315000000" + "00" + "0201" + "01" + rep("07", 32)
                + "e803000000000000" + "15000000");
        assertThat(SyncShardMessage.parse(m)).isEqualTo(SyncShardMessage.of(21, 0x0102, SliverType.SECONDARY, BLOB, 1000));
        assertReason(() -> SyncShardMessage.parse(Arrays.copyOf(m, 56)), Reason.MALFORMED_MESSAGE);
        byte[] badVariant = m.clone();
        badVariant[7] = 1;
        assertReason(() -> SyncShardMessage.parse(badVariant), Reason.MALFORMED_MESSAGE);
    }

    @Test
    void headerParsing() {
        MessageHeader h = MessageHeader.parse(StorageConfirmationMessage.deletable(0x0A0B0C0DL, BLOB, OBJECT).toBytes());
        assertThat(h).isEqualTo(new MessageHeader(1, 0, 3, 0x0A0B0C0DL));
        assertThat(h.toBytes()).isEqualTo(HEX.parseHex("0100030d0c0b0a"));
        assertThat(MessageHeader.parse(HEX.parseHex("ffeedd01020304"))).isEqualTo(new MessageHeader(0xff, 0xee, 0xdd, 0x04030201L));
        assertReason(() -> MessageHeader.parse(new byte[6]), Reason.MALFORMED_MESSAGE);
        h.require(IntentType.BLOB_CERT, 0x0A0B0C0DL);
        assertReason(() -> h.require(IntentType.BLOB_CERT, 1), Reason.WRONG_EPOCH);
        assertReason(() -> h.require(IntentType.INVALID_BLOB_ID, 0x0A0B0C0DL), Reason.WRONG_MESSAGE_TYPE);
        // Move order: version, app id, epoch, type.
        assertReason(() -> new MessageHeader(2, 1, 3, 9).require(IntentType.BLOB_CERT, 1), Reason.WRONG_INTENT_VERSION);
        assertReason(() -> new MessageHeader(2, 0, 4, 9).require(IntentType.BLOB_CERT, 1), Reason.WRONG_APP_ID);
        assertReason(() -> new MessageHeader(2, 0, 3, 9).require(IntentType.BLOB_CERT, 1), Reason.WRONG_EPOCH);
        assertThat(IntentType.fromCode(6)).contains(IntentType.PROTOCOL_VERSION);
        assertThat(IntentType.fromCode(7)).isEmpty();
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CertificateException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
