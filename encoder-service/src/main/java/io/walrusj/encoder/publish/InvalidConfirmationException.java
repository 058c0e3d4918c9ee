package io.walrusj.encoder.publish;

import java.util.OptionalLong;

/** A node's storage confirmation that cannot go into the certificate; {@link #otherEpoch} if only its epoch is off. */
final class InvalidConfirmationException extends Exception {
    private final OptionalLong otherEpoch;

    InvalidConfirmationException(String message, OptionalLong otherEpoch) {
        super(message);
        this.otherEpoch = otherEpoch;
    }

    OptionalLong otherEpoch() {
        return otherEpoch;
    }
}
