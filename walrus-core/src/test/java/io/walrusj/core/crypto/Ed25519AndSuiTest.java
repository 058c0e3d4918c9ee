package io.walrusj.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ed25519AndSuiTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Base64.Decoder B64 = Base64.getDecoder();

    @ParameterizedTest
    @CsvSource({
        // RFC 8032 section 7.1, TEST 1 and TEST 2: seed, public key, message, signature.
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a,,"
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c,72,"
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    })
    void rfc8032Vectors(String seed, String publicKey, String message, String signature) {
        byte[] msg = message == null ? new byte[0] : HEX.parseHex(message);
        Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(HEX.parseHex(seed));
        assertThat(HEX.formatHex(kp.publicKey().toBytes())).isEqualTo(publicKey);
        assertThat(HEX.formatHex(kp.sign(msg))).isEqualTo(signature);
        assertThat(Ed25519PublicKey.fromBytes(HEX.parseHex(publicKey)).verify(msg, HEX.parseHex(signature))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        // Mysten TS SDK test/unit/cryptography/ed25519-keypair.test.ts (cases "generated against rust keytool"):
        // base64(flag 0x00 || 32-byte secret key) -> address.
        "AN0JMHpDum3BhrVwnkylH0/HGRHBQ/fO/8+MYOawO8j6, 0xa2d14fad60c56049ecf75246a481934691214ce413e6a8ae2fe6834c173a6133",
        "AJrA997C1eVz6wYIp7bO8dpITSRBXpvg1m70/P3gusu2, 0x1ada6e6f3f3e4055096f606c746690f1108fcc2ca479055cc434a3e1d3f758aa",
        "AAEMSIQeqyz09StSwuOW4MElQcZ+4jHW4/QcWlJEf5Yk, 0xe69e896ca10f5a77732769803cc2b5707f0ab9d4407afb5e4b4464b89769af14",
    })
    void suiAddressOfSecretKeyMatchesTsSdkVectors(String flaggedSecret, String address) {
        byte[] raw = B64.decode(flaggedSecret);
        assertThat(raw).hasSize(33);
        assertThat(raw[0]).isZero();
        Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(Arrays.copyOfRange(raw, 1, 33));
        assertThat(kp.suiAddress().toString()).isEqualTo(address);
        assertThat(kp.suiAddress()).isEqualTo(SuiAddress.parse(address));
    }

    @Test
    void publicKeysOfSecretKeysMatchTsSdkVectors() {
        // Same TS SDK test file: "create keypair from secret key" and "generate keypair from random seed".
        assertThat(Base64.getEncoder().encodeToString(Ed25519KeyPair
                .fromSeed(B64.decode("mdqVWeFekT7pqy5T49+tV12jO0m+ESW7ki4zSU9JiCg=")).publicKey().toBytes()))
                .isEqualTo("Gy9JCW4+Xb0Pz6nAwM2S2as7IVRLNNXdSmXZi4eLmSI=");
        byte[] eights = new byte[32];
        Arrays.fill(eights, (byte) 8);
        assertThat(Base64.getEncoder().encodeToString(Ed25519KeyPair.fromSeed(eights).publicKey().toBytes()))
                .isEqualTo("E5j2LG0aRXxRumpLXz29L2n8qTIWIY3ImX5Ba9F9k8o=");
    }

    @Test
    void suiAddressOfPublicKeyAgainstBlake2bOracle() {
        // OpenDive sui-py tests/test_ed25519.py, "test vectors from official Sui CLI": raw public key -> address.
        byte[] pk = B64.decode("UdGRWooy48vGTs0HBokIis5NK+DUjiWc9ENUlcfCCBE=");
        SuiAddress addr = Ed25519PublicKey.fromBytes(pk).suiAddress();
        assertThat(addr.toString()).isEqualTo("0xd77a6cd55073e98d4029b1b0b8bd8d88f45f343dad2732fc9a7965094e635c55");
        // Independent oracle: BouncyCastle BLAKE2b-256 of 0x00 || pk.
        assertThat(addr.bytes()).isEqualTo(blake2b256(new byte[] {0}, pk));
    }

    @Test
    void signVerifyRoundTripAndAgainstBouncyCastle() {
        Ed25519KeyPair kp = Ed25519KeyPair.generate(new SecureRandom());
        byte[] msg = "hello world".getBytes(StandardCharsets.UTF_8);
        byte[] sig = kp.sign(msg);
        assertThat(sig).hasSize(64);
        assertThat(kp.publicKey().verify(msg, sig)).isTrue();
        assertThat(kp.publicKey().verify("hello worle".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
        assertThat(Ed25519KeyPair.generate().publicKey().verify(msg, sig)).isFalse();
        assertThat(kp.publicKey().verify(msg, Arrays.copyOf(sig, 63))).isFalse();

        // BouncyCastle derives the same public key and produces the same (deterministic) signature.
        Ed25519PrivateKeyParameters bcKey = new Ed25519PrivateKeyParameters(kp.seed(), 0);
        assertThat(bcKey.generatePublicKey().getEncoded()).isEqualTo(kp.publicKey().toBytes());
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, bcKey);
        signer.update(msg, 0, msg.length);
        assertThat(signer.generateSignature()).isEqualTo(sig);
        assertThat(Ed25519KeyPair.fromSeed(kp.seed()).publicKey()).isEqualTo(kp.publicKey());
    }

    @Test
    void signTransactionSignsBlake2bOfIntentAndTxBytes() {
        Ed25519KeyPair kp = Ed25519KeyPair.fromSeed(B64.decode("mdqVWeFekT7pqy5T49+tV12jO0m+ESW7ki4zSU9JiCg="));
        byte[] tx = HEX.parseHex("000002000800e8030000000000000020" + "11".repeat(32));
        SuiSignature s = kp.signTransaction(tx);

        byte[] digest = blake2b256(new byte[] {0, 0, 0}, tx);
        assertThat(SuiIntent.transactionSigningDigest(tx)).isEqualTo(digest);
        byte[] bytes = s.toBytes();
        assertThat(bytes).hasSize(97);
        assertThat(bytes[0]).isZero();
        assertThat(Arrays.copyOfRange(bytes, 65, 97)).isEqualTo(kp.publicKey().toBytes());
        assertThat(s.signature()).isEqualTo(Arrays.copyOfRange(bytes, 1, 65));

        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(kp.publicKey().toBytes(), 0));
        verifier.update(digest, 0, digest.length);
        assertThat(verifier.verifySignature(s.signature())).as("BouncyCastle verifies over the digest").isTrue();

        assertThat(s.verifiesTransaction(tx)).isTrue();
        assertThat(s.verifiesTransaction(Arrays.copyOf(tx, tx.length - 1))).isFalse();
        assertThat(s.signer()).isEqualTo(kp.suiAddress());
        assertThat(SuiSignature.fromBase64(s.toBase64())).isEqualTo(s);
        assertThat(Base64.getDecoder().decode(s.toBase64())).isEqualTo(bytes);
    }

    @Test
    void suiSignatureParsing() {
        byte[] secp = new byte[98];
        secp[0] = 1;
        assertThatThrownBy(() -> SuiSignature.fromBytes(secp)).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_SCHEME));
        assertThatThrownBy(() -> SuiSignature.fromBytes(new byte[96])).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
    }

    @Test
    void suiAddressTextIsStrict() {
        String ok = "0x" + "ab".repeat(32);
        assertThat(SuiAddress.parse(ok).toString()).isEqualTo(ok);
        assertThat(SuiAddress.parse("0x" + "AB".repeat(32)).toString()).isEqualTo(ok);
        assertThatThrownBy(() -> SuiAddress.parse("0x2")).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
        assertThatThrownBy(() -> SuiAddress.parse("ab".repeat(33))).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ENCODING));
        assertThatThrownBy(() -> SuiAddress.parse("0X" + "ab".repeat(32))).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> SuiAddress.parse("0x" + "zz".repeat(32))).isInstanceOfSatisfying(CryptoException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_ENCODING));
        assertThatThrownBy(() -> SuiAddress.of(new byte[31])).isInstanceOf(CryptoException.class);
        assertThat(SuiAddress.parse("0x" + "00".repeat(31) + "01"))
                .isLessThan(SuiAddress.parse("0x" + "00".repeat(31) + "02"));
    }

    private static byte[] blake2b256(byte[]... parts) {
        Blake2bDigest d = new Blake2bDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
