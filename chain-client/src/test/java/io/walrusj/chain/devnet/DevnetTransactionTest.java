package io.walrusj.chain.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiSignature;
import io.walrusj.core.hash.Blake2b256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The transaction byte format, digest and signature, pinned against a hand-built encoding. */
class DevnetTransactionTest {
    private static final Ed25519KeyPair KEY = Ed25519KeyPair.fromSeed(new byte[32]);
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void bytesAreVersionSenderNonceAndLengthPrefixedCall() {
        DevnetTransaction tx = new DevnetTransaction(KEY.suiAddress(), 0x0102030405060708L, new Call.ReserveSpace(5, 3));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(1); // version
        expected.writeBytes(KEY.suiAddress().bytes());
        expected.writeBytes(HEX.parseHex("0807060504030201")); // nonce, u64 little-endian
        expected.write(17); // ULEB128 length of the call bytes
        expected.write(2); // Call variant 2 = ReserveSpace
        expected.writeBytes(HEX.parseHex("0500000000000000")); // size
        expected.writeBytes(HEX.parseHex("0300000000000000")); // epochsAhead
        assertThat(tx.toBytes()).isEqualTo(expected.toByteArray());
        assertThat(DevnetTransaction.fromBytes(tx.toBytes())).isEqualTo(tx);
    }

    @Test
    void digestIsBlake2bOfTheDomainAndBytes() {
        byte[] bytes = new DevnetTransaction(KEY.suiAddress(), 1, new Call.VotingEnd()).toBytes();
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("TransactionData::".getBytes(StandardCharsets.US_ASCII));
        input.writeBytes(bytes);
        assertThat(DevnetTransaction.digest(bytes)).isEqualTo(Blake2b256.hash(input.toByteArray()));
    }

    @Test
    void signedTransactionVerifiesAsASuiTransactionSignature() {
        DevnetTransaction.Signed signed = DevnetTransaction.sign(KEY, 42, new Call.AdvanceEpoch());
        SuiSignature signature = SuiSignature.fromBase64(signed.signature().toBase64());
        assertThat(signature.toBytes()).hasSize(SuiSignature.LENGTH).startsWith(0);
        assertThat(signature.verifiesTransaction(signed.txBytes())).isTrue();
        assertThat(signature.signer()).isEqualTo(KEY.suiAddress());
        byte[] tampered = signed.txBytes().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(signature.verifiesTransaction(tampered)).isFalse();
        DevnetTransaction decoded = DevnetTransaction.fromBytes(signed.txBytes());
        assertThat(decoded.sender()).isEqualTo(KEY.suiAddress());
        assertThat(decoded.nonce()).isEqualTo(42);
        assertThat(decoded.call()).isEqualTo(new Call.AdvanceEpoch());
    }

    @Test
    void otherVersionsAndTrailingBytesAreRejected() {
        byte[] bytes = new DevnetTransaction(KEY.suiAddress(), 1, new Call.VotingEnd()).toBytes();
        byte[] v2 = bytes.clone();
        v2[0] = 2;
        assertThatThrownBy(() -> DevnetTransaction.fromBytes(v2)).isInstanceOf(BcsException.class)
                .hasMessageContaining("version 2");
        byte[] trailing = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> DevnetTransaction.fromBytes(trailing)).isInstanceOf(BcsException.class);
    }
}
