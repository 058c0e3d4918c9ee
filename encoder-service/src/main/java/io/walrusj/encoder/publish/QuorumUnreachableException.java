package io.walrusj.encoder.publish;

import java.util.OptionalLong;

/** So many members failed that the rest cannot reach a quorum any more. */
final class QuorumUnreachableException extends Exception {
    private final OptionalLong newerEpoch;

    QuorumUnreachableException(String message, OptionalLong newerEpoch) {
        super(message);
        this.newerEpoch = newerEpoch;
    }

    /** The highest epoch a member confirmed for, if one was newer than the committee's. */
    OptionalLong newerEpoch() {
        return newerEpoch;
    }
}
