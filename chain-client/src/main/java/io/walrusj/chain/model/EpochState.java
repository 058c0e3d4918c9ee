package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;

/**
 * Move enum {@code staking_inner::EpochState} ({@code docs/spec/walrus-chain.md} 2.2, 6): variant 0
 * {@code EpochChangeSync(u16 weight done)}, 1 {@code EpochChangeDone(u64 timestamp_ms)},
 * 2 {@code NextParamsSelected(u64 timestamp_ms of the last epoch change)}.
 */
public sealed interface EpochState {

    /** Epoch change in progress; {@code weight} shards have reported {@code epoch_sync_done}. */
    record EpochChangeSync(int weight) implements EpochState {
    }

    /** The epoch change completed at {@code timestampMs}; the epoch is running. */
    record EpochChangeDone(long timestampMs) implements EpochState {
    }

    /** The next committee and parameters are selected; the last epoch change completed at {@code timestampMs}. */
    record NextParamsSelected(long timestampMs) implements EpochState {
    }

    static EpochState read(BcsReader r) {
        return switch (r.variant("EpochState", 3)) {
            case 0 -> new EpochChangeSync(r.u16());
            case 1 -> new EpochChangeDone(r.u64());
            default -> new NextParamsSelected(r.u64());
        };
    }

    static void write(BcsWriter w, EpochState s) {
        switch (s) {
            case EpochChangeSync sync -> w.variant(0).u16(sync.weight());
            case EpochChangeDone done -> w.variant(1).u64(done.timestampMs());
            case NextParamsSelected next -> w.variant(2).u64(next.timestampMs());
        }
    }
}
