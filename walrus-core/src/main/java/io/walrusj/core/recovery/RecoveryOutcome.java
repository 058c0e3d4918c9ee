package io.walrusj.core.recovery;

import io.walrusj.core.sliver.SliverData;

/** The result of rebuilding a lost sliver: the verified sliver, or proof that the blob is inconsistent. */
public sealed interface RecoveryOutcome {
    record Recovered(SliverData sliver) implements RecoveryOutcome {}

    record Inconsistent(InconsistencyProof proof) implements RecoveryOutcome {}
}
