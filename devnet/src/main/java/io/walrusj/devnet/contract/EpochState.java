package io.walrusj.devnet.contract;

/**
 * Move {@code staking_inner::EpochState} (docs/spec/walrus-chain.md 2.2 and 6): variant 0
 * {@code EpochChangeSync(weight of the nodes that reported epoch_sync_done)}, 1
 * {@code EpochChangeDone(timestamp)}, 2 {@code NextParamsSelected(timestamp of the last epoch change)}.
 */
public sealed interface EpochState {

    /** The BCS variant index. */
    int variant();

    record EpochChangeSync(int weight) implements EpochState {
        @Override
        public int variant() {
            return 0;
        }
    }

    record EpochChangeDone(long timestampMs) implements EpochState {
        @Override
        public int variant() {
            return 1;
        }
    }

    record NextParamsSelected(long timestampMs) implements EpochState {
        @Override
        public int variant() {
            return 2;
        }
    }
}
