package io.walrusj.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] MSG = "storage confirmation".getBytes(StandardCharsets.UTF_8);

    /** 32-byte big-endian scalar with {@code value} in the low bytes (Move test_utils::pad_bls_sk). */
    static byte[] scalar(String hexValue) {
        byte[] v = HEX.parseHex(hexValue);
        byte[] out = new byte[32];
        System.arraycopy(v, 0, out, 32 - v.length, v.length);
        return out;
    }

    static BlsKeyPair key(int i) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) i);
        return BlsKeyPair.fromSeed(seed);
    }

    @Test
    void publicKeyOfScalar117MatchesWalrusMoveTestVector() {
        // contracts/walrus/tests/test_utils.move, test_bls_pk: sk = 0x75 padded to 32 bytes.
        BlsKeyPair kp = BlsKeyPair.fromSecretKeyBytes(scalar("75"));
        assertThat(HEX.formatHex(kp.publicKey().toBytes())).isEqualTo(
                "95eacc3adc09c827593f581e8e2de068bf4cf5d0c0eb29e5372f0d23364788ee0f9beb112c8a7e9c2f0c720433705cf0");
        assertThat(kp.secretKeyBytes()).isEqualTo(scalar("75"));
    }

    @Test
    void signVerifyRoundTrip() {
        BlsKeyPair kp = BlsKeyPair.generate(new SecureRandom());
        BlsSignature sig = kp.sign(MSG);
        assertThat(sig.toBytes()).hasSize(96);
        assertThat(kp.publicKey().verify(MSG, sig)).isTrue();
        assertThat(BlsSignature.fromBytes(sig.toBytes())).isEqualTo(sig);
        assertThat(BlsSignature.fromBase64(sig.toBase64())).isEqualTo(sig);
        assertThat(kp.sign(MSG)).as("deterministic").isEqualTo(sig);
    }

    @Test
    void wrongMessageOrWrongKeyFails() {
        BlsKeyPair a = key(1);
        BlsKeyPair b = key(2);
        BlsSignature sig = a.sign(MSG);
        assertThat(a.publicKey().verify("other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(b.publicKey().verify(MSG, sig)).isFalse();
        byte[] longer = Arrays.copyOf(MSG, MSG.length + 1);
        assertThat(a.publicKey().verify(longer, sig)).isFalse();
    }

    @Test
    void seedDerivationIsDeterministicAndRejectsShortSeeds() {
        assertThat(key(7).publicKey()).isEqualTo(key(7).publicKey());
        assertThat(key(7).publicKey()).isNotEqualTo(key(8).publicKey());
        assertThatThrownBy(() -> BlsKeyPair.fromSeed(new byte[31]))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SECRET_KEY));
    }

    @Test
    void secretKeyRangeIsChecked() {
        assertThatThrownBy(() -> BlsKeyPair.fromSecretKeyBytes(new byte[32]))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SECRET_KEY));
        byte[] r = HEX.parseHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
        assertThatThrownBy(() -> BlsKeyPair.fromSecretKeyBytes(r)).isInstanceOf(CryptoException.class);
        r[31] = 0; // r - 1
        assertThat(BlsKeyPair.fromSecretKeyBytes(r).publicKey()).isNotNull();
        assertThatThrownBy(() -> BlsKeyPair.fromSecretKeyBytes(new byte[31]))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
    }

    @Test
    void aggregateOfSignaturesVerifiesAgainstAggregateKey() {
        List<BlsPublicKey> keys = new ArrayList<>();
        List<BlsSignature> sigs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            keys.add(key(i).publicKey());
            sigs.add(key(i).sign(MSG));
        }
        BlsSignature agg = BlsSignature.aggregate(sigs);
        BlsPublicKey aggKey = BlsPublicKey.aggregate(keys);
        assertThat(aggKey.verify(MSG, agg)).isTrue();
        // Any missing or extra signer breaks it.
        assertThat(BlsPublicKey.aggregate(keys.subList(0, 6)).verify(MSG, agg)).isFalse();
        assertThat(aggKey.verify(MSG, BlsSignature.aggregate(sigs.subList(0, 6)))).isFalse();
        // Order does not matter; aggregate of one is the element itself.
        List<BlsSignature> reversed = new ArrayList<>(sigs);
        java.util.Collections.reverse(reversed);
        assertThat(BlsSignature.aggregate(reversed)).isEqualTo(agg);
        assertThat(BlsSignature.aggregate(List.of(sigs.get(0)))).isEqualTo(sigs.get(0));
        assertThat(BlsPublicKey.aggregate(List.of(keys.get(0)))).isEqualTo(keys.get(0));
    }

    @Test
    void compressedAndUncompressedKeyFormsRoundTrip() {
        BlsPublicKey pk = key(3).publicKey();
        byte[] compressed = pk.toBytes();
        byte[] uncompressed = pk.toUncompressedBytes();
        assertThat(compressed).hasSize(48);
        assertThat(uncompressed).hasSize(96);
        assertThat(compressed[0] & 0x80).isEqualTo(0x80);
        assertThat(uncompressed[0] & 0xE0).isZero();
        // Both forms carry the same x coordinate (flag bits aside).
        byte[] x = compressed.clone();
        x[0] &= 0x1F;
        assertThat(Arrays.copyOf(uncompressed, 48)).isEqualTo(x);
        assertThat(BlsPublicKey.fromBytes(compressed)).isEqualTo(pk);
        assertThat(BlsPublicKey.fromUncompressedBytes(uncompressed)).isEqualTo(pk);
        assertThat(BlsPublicKey.fromBase64(pk.toBase64())).isEqualTo(pk);
    }

    @Test
    void rejectsWrongLengths() {
        byte[] pk = key(1).publicKey().toBytes();
        byte[] sig = key(1).sign(MSG).toBytes();
        assertReason(() -> BlsPublicKey.fromBytes(Arrays.copyOf(pk, 47)), Reason.WRONG_LENGTH);
        assertReason(() -> BlsPublicKey.fromBytes(Arrays.copyOf(pk, 49)), Reason.WRONG_LENGTH);
        assertReason(() -> BlsPublicKey.fromUncompressedBytes(pk), Reason.WRONG_LENGTH);
        assertReason(() -> BlsSignature.fromBytes(Arrays.copyOf(sig, 95)), Reason.WRONG_LENGTH);
        assertReason(() -> BlsSignature.fromBytes(new byte[0]), Reason.WRONG_LENGTH);
    }

    @Test
    void rejectsInfinity() {
        byte[] g1Inf = new byte[48];
        g1Inf[0] = (byte) 0xC0;
        assertReason(() -> BlsPublicKey.fromBytes(g1Inf), Reason.POINT_AT_INFINITY);
        byte[] g1InfUncompressed = new byte[96];
        g1InfUncompressed[0] = 0x40;
        assertReason(() -> BlsPublicKey.fromUncompressedBytes(g1InfUncompressed), Reason.POINT_AT_INFINITY);
        byte[] g2Inf = new byte[96];
        g2Inf[0] = (byte) 0xC0;
        assertReason(() -> BlsSignature.fromBytes(g2Inf), Reason.POINT_AT_INFINITY);
    }

    @Test
    void rejectsGarbageAndFlagMismatch() {
        assertThatThrownBy(() -> BlsPublicKey.fromBytes(new byte[48])).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> BlsSignature.fromBytes(new byte[96])).isInstanceOf(CryptoException.class);
        byte[] ff = new byte[48];
        Arrays.fill(ff, (byte) 0xFF); // x >= p
        assertThatThrownBy(() -> BlsPublicKey.fromBytes(ff)).isInstanceOf(CryptoException.class);
        // A compressed key presented as the first half of an uncompressed one, and vice versa.
        byte[] uncompressed = key(1).publicKey().toUncompressedBytes();
        assertReason(() -> BlsPublicKey.fromBytes(Arrays.copyOf(uncompressed, 48)), Reason.INVALID_ENCODING);
        byte[] fake = Arrays.copyOf(key(1).publicKey().toBytes(), 96);
        assertReason(() -> BlsPublicKey.fromUncompressedBytes(fake), Reason.INVALID_ENCODING);
        // A flipped bit in x almost surely leaves the curve (or is not a valid x at all).
        byte[] flipped = key(1).publicKey().toBytes();
        flipped[47] ^= 1;
        assertThatThrownBy(() -> BlsPublicKey.fromBytes(flipped)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> BlsPublicKey.fromBase64("not base64!")).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ENCODING));
    }

    @Test
    void rejectsPointsOutsideTheSubgroup() {
        // (0, 2) is on y^2 = x^3 + 4 (it has order 3), so it decodes but is not in G1.
        byte[] compressed = new byte[48];
        compressed[0] = (byte) 0x80; // compressed, not infinity, y = 2 is the smaller root (no sign flag)
        assertReason(() -> BlsPublicKey.fromBytes(compressed), Reason.NOT_IN_GROUP);
        byte[] uncompressed = new byte[96];
        uncompressed[95] = 2;
        assertReason(() -> BlsPublicKey.fromUncompressedBytes(uncompressed), Reason.NOT_IN_GROUP);
        // (0, 3) is not on the curve.
        uncompressed[95] = 3;
        assertReason(() -> BlsPublicKey.fromUncompressedBytes(uncompressed), Reason.NOT_ON_CURVE);
    }

    @Test
    void equalityIsByContent() {
        BlsPublicKey a = BlsPublicKey.fromBytes(key(1).publicKey().toBytes());
        BlsPublicKey b = BlsPublicKey.fromUncompressedBytes(key(1).publicKey().toUncompressedBytes());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(key(1).toString()).doesNotContain(HEX.formatHex(key(1).secretKeyBytes()));
    }

    static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
