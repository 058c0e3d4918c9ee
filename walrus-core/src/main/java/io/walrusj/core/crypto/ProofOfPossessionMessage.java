package io.walrusj.core.crypto;

import java.util.Objects;

/**
 * The proof-of-possession message of {@code register_candidate} (docs/spec/walrus-chain.md 3.1, Move
 * {@code messages::ProofOfPossessionMessage::to_bcs}):
 * {@code 00 00 03 | epoch u32 LE | sui_address (32) | bls_pk (48, compressed, no length prefix)},
 * 87 bytes. The proof is the BLS signature of these bytes by the key inside them.
 *
 * @param epoch the current epoch at registration
 * @param suiAddress the registering account (transaction sender)
 * @param publicKey the protocol key being registered
 */
public record ProofOfPossessionMessage(long epoch, SuiAddress suiAddress, BlsPublicKey publicKey) {
    public static final int LENGTH = MessageHeader.LENGTH + SuiAddress.LENGTH + BlsPublicKey.LENGTH;

    public ProofOfPossessionMessage {
        MessageHeader.requireEpochRange(epoch);
        Objects.requireNonNull(suiAddress, "suiAddress");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** The exact signed bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        MessageHeader.of(IntentType.PROOF_OF_POSSESSION, epoch).writeTo(out);
        suiAddress.copyTo(out, MessageHeader.LENGTH);
        System.arraycopy(publicKey.toBytes(), 0, out, MessageHeader.LENGTH + SuiAddress.LENGTH, BlsPublicKey.LENGTH);
        return out;
    }

    /** The proof of possession for {@code keyPair}'s public key, registered by {@code suiAddress} in {@code epoch}. */
    public static BlsSignature prove(BlsKeyPair keyPair, long epoch, SuiAddress suiAddress) {
        return keyPair.sign(new ProofOfPossessionMessage(epoch, suiAddress, keyPair.publicKey()).toBytes());
    }

    /** Move {@code verify_proof_of_possession}: the signature verifies under the key in the message. */
    public boolean verify(BlsSignature proof) {
        return publicKey.verify(toBytes(), proof);
    }
}
