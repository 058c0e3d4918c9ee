package io.walrusj.chain.devnet;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.crypto.SuiSignature;
import io.walrusj.core.hash.Blake2b256;
import java.nio.charset.StandardCharsets;

/**
 * The devnet's transaction: BCS {@code {version: u8 = 1, sender: address, nonce: u64, call: bytes}}
 * where {@code call} is {@link CallCodec}'s encoding. Signed like a Sui transaction: an Ed25519 Sui
 * signature ({@code 00 || sig || pk}) over Blake2b-256({@code 00 00 00} || tx bytes); the digest
 * is Blake2b-256("TransactionData::" || tx bytes), shown in base58. The nonce makes otherwise equal
 * transactions distinct; a digest is accepted once.
 */
public record DevnetTransaction(SuiAddress sender, long nonce, Call call) {
    public static final int VERSION = 1;
    /** The sender of the devnet's own system transactions (epoch changes); never signed. */
    public static final SuiAddress SYSTEM = SuiAddress.of(new byte[32]);
    private static final byte[] DIGEST_DOMAIN = "TransactionData::".getBytes(StandardCharsets.US_ASCII);

    public byte[] toBytes() {
        return BcsWriter.encode(w -> {
            w.u8(VERSION);
            w.fixedBytes(sender.bytes());
            w.u64(nonce);
            w.bytes(CallCodec.encode(call));
        });
    }

    public static DevnetTransaction fromBytes(byte[] bytes) {
        return BcsReader.decode(bytes, r -> {
            int position = r.position();
            int version = r.u8();
            if (version != VERSION) {
                throw new io.walrusj.core.bcs.BcsException("unsupported transaction version " + version, position);
            }
            SuiAddress sender = SuiAddress.of(r.fixedBytes(32));
            long nonce = r.u64();
            return new DevnetTransaction(sender, nonce, CallCodec.decode(r.bytes()));
        });
    }

    public static byte[] digest(byte[] txBytes) {
        byte[] input = new byte[DIGEST_DOMAIN.length + txBytes.length];
        System.arraycopy(DIGEST_DOMAIN, 0, input, 0, DIGEST_DOMAIN.length);
        System.arraycopy(txBytes, 0, input, DIGEST_DOMAIN.length, txBytes.length);
        return Blake2b256.hash(input);
    }

    /** Client side: the bytes to send and their signature. */
    public static Signed sign(Ed25519KeyPair key, long nonce, Call call) {
        byte[] bytes = new DevnetTransaction(key.suiAddress(), nonce, call).toBytes();
        return new Signed(bytes, key.signTransaction(bytes));
    }

    public record Signed(byte[] txBytes, SuiSignature signature) {}
}
