package io.walrusj.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.bls.BLS12_381Aggregation;
import org.bouncycastle.crypto.bls.BLS12_381BasicScheme;
import org.bouncycastle.crypto.bls.BLS12_381G1;
import org.bouncycastle.crypto.bls.BLS12_381G2Point;
import org.bouncycastle.crypto.bls.BLS12_381Serialization;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** blst (jblst) against BouncyCastle 1.86's independent BLS12-381 basic scheme. */
class BlsBouncyCastleCrossCheckTest {
    private static final byte[] MSG = "01000315000000 walrus".getBytes(StandardCharsets.UTF_8);

    @Test
    void sameDst() {
        assertThat(new String(BLS12_381BasicScheme.DST, StandardCharsets.US_ASCII)).isEqualTo(Blst.DST);
    }

    @Test
    void keyGenPublicKeyAndSignatureAreByteIdentical() {
        byte[] ikm = new byte[32];
        Arrays.fill(ikm, (byte) 0x42);
        BlsKeyPair kp = BlsKeyPair.fromSeed(ikm);

        BigInteger bcSk = BLS12_381BasicScheme.keyGen(ikm, new byte[0]);
        assertThat(new BigInteger(1, kp.secretKeyBytes())).as("IETF KeyGen").isEqualTo(bcSk);

        ECPoint bcPk = BLS12_381BasicScheme.skToPk(bcSk);
        assertThat(BLS12_381Serialization.compressG1(bcPk)).isEqualTo(kp.publicKey().toBytes());

        BLS12_381G2Point bcSig = BLS12_381BasicScheme.sign(bcSk, MSG);
        assertThat(BLS12_381Serialization.compressG2(bcSig)).isEqualTo(kp.sign(MSG).toBytes());
    }

    @Test
    void bouncyCastleVerifiesBlstSignaturesAndViceVersa() {
        BlsKeyPair kp = BlsKeyPair.fromSecretKeyBytes(BlsTest.scalar("deadbeef"));
        ECPoint pk = BLS12_381Serialization.decompressG1(kp.publicKey().toBytes(), BLS12_381G1.createCurve());
        BLS12_381G2Point sig = BLS12_381Serialization.decompressG2(kp.sign(MSG).toBytes());
        assertThat(BLS12_381BasicScheme.verify(pk, MSG, sig)).isTrue();
        assertThat(BLS12_381BasicScheme.verify(pk, "other".getBytes(StandardCharsets.UTF_8), sig)).isFalse();

        BLS12_381G2Point bcSig = BLS12_381BasicScheme.sign(new BigInteger("deadbeef", 16), MSG);
        assertThat(kp.publicKey().verify(MSG, BlsSignature.fromBytes(BLS12_381Serialization.compressG2(bcSig)))).isTrue();
    }

    @Test
    void aggregatesAgree() {
        List<BlsKeyPair> kps = List.of(BlsTest.key(1), BlsTest.key(2), BlsTest.key(3));
        BLS12_381G2Point[] bc = kps.stream()
                .map(k -> BLS12_381Serialization.decompressG2(k.sign(MSG).toBytes()))
                .toArray(BLS12_381G2Point[]::new);
        BlsSignature ours = BlsSignature.aggregate(kps.stream().map(k -> k.sign(MSG)).toList());
        assertThat(BLS12_381Serialization.compressG2(BLS12_381Aggregation.aggregate(bc))).isEqualTo(ours.toBytes());
    }
}
