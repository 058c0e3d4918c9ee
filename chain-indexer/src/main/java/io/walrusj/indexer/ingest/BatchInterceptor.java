package io.walrusj.indexer.ingest;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import java.util.List;

/**
 * Hooks around a batch's transaction, for fault-injection tests: throwing from
 * {@link #beforeCommit} rolls the whole batch back (effects and cursor written, not committed);
 * throwing from {@link #afterCommit} fails the handler after the commit.
 */
public interface BatchInterceptor {

    /** Inside the transaction, after all effects and the new cursor were written, before the commit. */
    default void beforeCommit(List<WalrusEventEnvelope> events) throws Exception {
    }

    /** After the commit. */
    default void afterCommit(List<WalrusEventEnvelope> events) throws Exception {
    }

    BatchInterceptor NONE = new BatchInterceptor() {
    };
}
