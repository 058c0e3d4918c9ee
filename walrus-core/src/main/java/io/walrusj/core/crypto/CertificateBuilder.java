package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects members' signatures over one message (e.g. storage confirmations) until they reach a
 * weight threshold, then aggregates them into a {@link Certificate}. Not thread-safe.
 */
public final class CertificateBuilder {
    private final BlsCommittee committee;
    private final byte[] message;
    private final Map<Integer, BlsSignature> signatures = new TreeMap<>();
    private int weight;

    public CertificateBuilder(BlsCommittee committee, byte[] message) {
        this.committee = Objects.requireNonNull(committee, "committee");
        this.message = message.clone();
    }

    /**
     * Adds member {@code memberIndex}'s signature after verifying it against that member's key
     * (about a millisecond). Throws {@link CertificateException} ({@code INVALID_SIGNATURE}) if it
     * does not verify; adding the same member twice is an error.
     */
    public CertificateBuilder add(int memberIndex, BlsSignature signature) {
        BlsCommitteeMember member = memberAt(memberIndex);
        if (!member.publicKey().verify(message, signature)) {
            throw new CertificateException(Reason.INVALID_SIGNATURE,
                    "signature of committee member " + memberIndex + " does not verify over the message");
        }
        return put(memberIndex, member, signature);
    }

    /** Adds a signature already verified by the caller. */
    public CertificateBuilder addVerified(int memberIndex, BlsSignature signature) {
        return put(memberIndex, memberAt(memberIndex), Objects.requireNonNull(signature, "signature"));
    }

    /** Total weight of the members added so far. */
    public int weight() {
        return weight;
    }

    public int signerCount() {
        return signatures.size();
    }

    public boolean isMet(RequiredWeight required) {
        return required.isMet(weight, committee.nShards());
    }

    /** The certificate of the signatures added so far (at least one). */
    public Certificate build() {
        return Certificate.aggregate(message, committee.size(), signatures);
    }

    private BlsCommitteeMember memberAt(int memberIndex) {
        if (memberIndex < 0 || memberIndex >= committee.size()) {
            throw new IllegalArgumentException(
                    "member index " + memberIndex + " out of range [0, " + committee.size() + ")");
        }
        return committee.member(memberIndex);
    }

    private CertificateBuilder put(int memberIndex, BlsCommitteeMember member, BlsSignature signature) {
        if (signatures.putIfAbsent(memberIndex, signature) != null) {
            throw new IllegalArgumentException("committee member " + memberIndex + " already signed");
        }
        weight += member.weight();
        return this;
    }
}
