package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.CertificateBuilder;
import io.walrusj.core.crypto.RequiredWeight;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers verified confirmations of one store from many node tasks at once. {@link #result()}
 * completes with the certificate as soon as the signers' shard weight is both > 2f (the client's
 * check) and a chain quorum ({@code 3w >= 2n + 1}), or fails with
 * {@link QuorumUnreachableException} as soon as the members that failed leave too little weight.
 * Late answers after completion are ignored. Thread-safe.
 */
final class QuorumCollector {
    private final BlsCommittee committee;
    private final long epoch;
    private final int maxFaulty;
    private final CertificateBuilder builder;
    private final Set<Integer> decided = new HashSet<>();
    private final CompletableFuture<Certificate> result = new CompletableFuture<>();
    private int failedWeight;
    private long newestOtherEpoch = -1;

    QuorumCollector(BlsCommittee committee, byte[] message) {
        this.committee = committee;
        this.epoch = committee.epoch();
        this.maxFaulty = (committee.nShards() - 1) / 3;
        this.builder = new CertificateBuilder(committee, message);
    }

    CompletableFuture<Certificate> result() {
        return result;
    }

    /** Adds member {@code index}'s signature, already checked by {@link ConfirmationVerifier}. */
    synchronized void accept(int index, BlsSignature verifiedSignature) {
        if (result.isDone() || !decided.add(index)) {
            return;
        }
        builder.addVerified(index, verifiedSignature);
        if (isQuorum(builder.weight())) {
            result.complete(builder.build());
        }
    }

    /** Member {@code index} will not confirm; {@code otherEpoch} if it confirmed for another epoch. */
    synchronized void reject(int index, OptionalLong otherEpoch, String why) {
        if (!decided.add(index)) {
            return;
        }
        failedWeight += committee.member(index).weight();
        if (otherEpoch.isPresent() && otherEpoch.getAsLong() > epoch) {
            newestOtherEpoch = Math.max(newestOtherEpoch, otherEpoch.getAsLong());
        }
        if (!result.isDone() && !isQuorum(committee.nShards() - failedWeight)) {
            result.completeExceptionally(new QuorumUnreachableException("members holding " + failedWeight + " of "
                    + committee.nShards() + " shards failed (last: " + why + "); " + builder.weight()
                    + " confirmed", newestOtherEpoch < 0 ? OptionalLong.empty() : OptionalLong.of(newestOtherEpoch)));
        }
    }

    synchronized int confirmedWeight() {
        return builder.weight();
    }

    synchronized OptionalLong newerEpochSeen() {
        return newestOtherEpoch < 0 ? OptionalLong.empty() : OptionalLong.of(newestOtherEpoch);
    }

    private boolean isQuorum(int weight) {
        return weight > 2 * maxFaulty && RequiredWeight.QUORUM.isMet(weight, committee.nShards());
    }
}
