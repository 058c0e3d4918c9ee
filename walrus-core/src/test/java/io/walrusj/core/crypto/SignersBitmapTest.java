package io.walrusj.core.crypto;

import static io.walrusj.core.crypto.ProtocolMessagesTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.CertificateException.Reason;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SignersBitmapTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void walrusMoveTestVector() {
        // contracts/walrus/tests/system/bls_tests.move: signers 0, 1, 2, 3, 4, 7, 8 of 10 -> x"9f01".
        SignersBitmap b = SignersBitmap.fromIndices(10, 0, 1, 2, 3, 4, 7, 8);
        assertThat(HEX.formatHex(b.toBytes())).isEqualTo("9f01");
        assertThat(SignersBitmap.parse(HEX.parseHex("9f01"), 10).signerIndices()).containsExactly(0, 1, 2, 3, 4, 7, 8);
    }

    @Test
    void lsbFirstWithinEachByte() {
        assertThat(SignersBitmap.fromIndices(16, 0).toBytes()).isEqualTo(HEX.parseHex("0100"));
        assertThat(SignersBitmap.fromIndices(16, 7).toBytes()).isEqualTo(HEX.parseHex("8000"));
        assertThat(SignersBitmap.fromIndices(16, 8).toBytes()).isEqualTo(HEX.parseHex("0001"));
        assertThat(SignersBitmap.fromIndices(16, 15).toBytes()).isEqualTo(HEX.parseHex("0080"));
    }

    @Test
    void nineMembersTakeTwoBytes() {
        SignersBitmap b = SignersBitmap.fromIndices(9, 8);
        assertThat(b.toBytes()).isEqualTo(HEX.parseHex("0001"));
        assertThat(SignersBitmap.maxLength(9)).isEqualTo(2);
        assertThat(SignersBitmap.maxLength(8)).isEqualTo(1);
        assertThat(SignersBitmap.maxLength(0)).isZero();
        assertThat(SignersBitmap.parse(HEX.parseHex("ff01"), 9).signerCount()).isEqualTo(9);
    }

    @Test
    void bitBeyondMemberCountIsRejected() {
        assertReason(() -> SignersBitmap.parse(HEX.parseHex("0002"), 9), Reason.INVALID_BITMAP);
        assertReason(() -> SignersBitmap.parse(HEX.parseHex("0080"), 9), Reason.INVALID_BITMAP);
        assertReason(() -> SignersBitmap.parse(HEX.parseHex("08"), 3), Reason.INVALID_BITMAP);
        assertThat(SignersBitmap.parse(HEX.parseHex("07"), 3).signerCount()).isEqualTo(3);
    }

    @Test
    void tooLongIsRejectedEvenIfTheExtraByteIsZero() {
        assertReason(() -> SignersBitmap.parse(HEX.parseHex("ff0100"), 9), Reason.INVALID_BITMAP);
        assertReason(() -> SignersBitmap.parse(HEX.parseHex("00"), 0), Reason.INVALID_BITMAP);
    }

    @Test
    void shorterIsAcceptedAndMissingBytesAreNonSigners() {
        SignersBitmap b = SignersBitmap.parse(HEX.parseHex("03"), 20);
        assertThat(b.signerIndices()).containsExactly(0, 1);
        assertThat(b.isSigner(19)).isFalse();
        assertThat(SignersBitmap.parse(new byte[0], 20).signerCount()).isZero();
    }

    @Test
    void buildingRejectsBadIndices() {
        assertThatThrownBy(() -> SignersBitmap.fromIndices(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignersBitmap.fromIndices(4, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SignersBitmap.fromIndices(4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
