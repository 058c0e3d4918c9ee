package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * Checks a certificate exactly as the Move contract does ({@code bls_aggregate} then
 * {@code messages::new_certified_message}, docs/spec/walrus-chain.md 3.1), in the same order, so the first
 * failing check names the same error as the on-chain abort:
 *
 * <ol>
 *   <li>bitmap: at most {@code ceil(members / 8)} bytes, no bit at an index {@code >= members}
 *       ({@code INVALID_BITMAP});
 *   <li>weight of the signers against the threshold over {@code n_shards} ({@code NOT_ENOUGH_WEIGHT});
 *   <li>the signature over the message with the signers' aggregate key (BLS min-pk verify;
 *       {@code INVALID_SIGNATURE}, also for undecodable signature bytes);
 *   <li>header: length ({@code MALFORMED_MESSAGE}), intent version 0, app id 3, epoch == committee
 *       epoch, then the intent type the operation accepts.
 * </ol>
 *
 * The body is not parsed here (the operation parses it, e.g. {@link StorageConfirmationMessage#parse}).
 */
public final class CertificateVerifier {
    private CertificateVerifier() {}

    /** Verifies raw chain arguments; returns the certified message or throws {@link CertificateException}. */
    public static CertifiedMessage verify(BlsCommittee committee, byte[] signature, byte[] signersBitmap,
            byte[] message, RequiredWeight required, IntentType expectedType) {
        SignersBitmap signers = SignersBitmap.parse(signersBitmap, committee.size());
        int weight = committee.weightOf(signers);
        if (!required.isMet(weight, committee.nShards())) {
            throw new CertificateException(Reason.NOT_ENOUGH_WEIGHT, "signers hold " + weight + " of "
                    + committee.nShards() + " shards; " + required + " needs " + required.formula() + ", i.e. weight >= "
                    + required.minimumWeight(committee.nShards()));
        }
        verifySignature(committee, signers, signature, message);
        MessageHeader header = MessageHeader.parse(message);
        header.require(expectedType, committee.epoch());
        return new CertifiedMessage(message, header, weight);
    }

    /** Verifies a {@link Certificate}. */
    public static CertifiedMessage verify(BlsCommittee committee, Certificate certificate, RequiredWeight required,
            IntentType expectedType) {
        return verify(committee, certificate.signature().toBytes(), certificate.signers().toBytes(),
                certificate.message(), required, expectedType);
    }

    private static void verifySignature(BlsCommittee committee, SignersBitmap signers, byte[] signature,
            byte[] message) {
        P2_Affine sig;
        try {
            sig = BlsSignature.fromBytes(signature).affine();
        } catch (CryptoException e) {
            throw new CertificateException(Reason.INVALID_SIGNATURE, "aggregate signature does not decode: "
                    + e.getMessage());
        }
        P1_Affine key = committee.aggregateKey(signers);
        if (key.is_inf()) {
            throw new CertificateException(Reason.INVALID_SIGNATURE, "aggregate key of the signers is the identity");
        }
        BLST_ERROR result = sig.core_verify(key, true, message, Blst.DST);
        if (result != BLST_ERROR.BLST_SUCCESS) {
            throw new CertificateException(Reason.INVALID_SIGNATURE, "aggregate signature of the "
                    + signers.signerCount() + " signers does not verify over the message (" + result + ")");
        }
    }
}
