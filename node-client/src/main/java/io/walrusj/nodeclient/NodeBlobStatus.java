package io.walrusj.nodeclient;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One node's view of a blob ({@code GET /v1/blobs/{id}/status}, spec 5.3). The order of the variants
 * (nonexistent < deletable < permanent < invalid) is {@link #rank()}, as the Rust SDK sorts them.
 */
public sealed interface NodeBlobStatus {

    int rank();

    record Nonexistent() implements NodeBlobStatus {
        @Override
        public int rank() {
            return 0;
        }
    }

    /** {@code deletableCounts}: total and certified deletable Blob objects that are not expired. */
    record DeletableCounts(long total, long certified) {}

    record Deletable(OptionalLong initialCertifiedEpoch, DeletableCounts counts) implements NodeBlobStatus {
        public Deletable {
            Objects.requireNonNull(initialCertifiedEpoch, "initialCertifiedEpoch");
            Objects.requireNonNull(counts, "counts");
        }

        @Override
        public int rank() {
            return 1;
        }
    }

    /** {@code endEpoch} is exclusive; {@code statusEvent} the event that set this status. */
    record Permanent(long endEpoch, boolean certified, EventId statusEvent, DeletableCounts counts,
            OptionalLong initialCertifiedEpoch) implements NodeBlobStatus {
        public Permanent {
            Objects.requireNonNull(statusEvent, "statusEvent");
            Objects.requireNonNull(counts, "counts");
            Objects.requireNonNull(initialCertifiedEpoch, "initialCertifiedEpoch");
        }

        @Override
        public int rank() {
            return 2;
        }
    }

    record Invalid(EventId event) implements NodeBlobStatus {
        @Override
        public int rank() {
            return 3;
        }
    }
}
