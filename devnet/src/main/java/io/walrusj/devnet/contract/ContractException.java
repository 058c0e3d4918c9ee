package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.CertificateException;
import java.util.Objects;
import java.util.Optional;

/**
 * A rejected transaction, like a Move abort: the ledger is exactly as before the call. For failed
 * certificate checks {@link #certificateReason()} gives walrus-core's reason as well.
 */
public final class ContractException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final AbortReason reason;
    private final transient CertificateException.Reason certificateReason;

    public ContractException(AbortReason reason, String message) {
        this(reason, message, null);
    }

    public ContractException(AbortReason reason, String message, CertificateException.Reason certificateReason) {
        super(Objects.requireNonNull(reason, "reason") + " (" + reason.module() + "::" + reason.code() + "): " + message);
        this.reason = reason;
        this.certificateReason = certificateReason;
    }

    public AbortReason reason() {
        return reason;
    }

    public Optional<CertificateException.Reason> certificateReason() {
        return Optional.ofNullable(certificateReason);
    }

    static void check(boolean condition, AbortReason reason, String message) {
        if (!condition) {
            throw new ContractException(reason, message);
        }
    }
}
