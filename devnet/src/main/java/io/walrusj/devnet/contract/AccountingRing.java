package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Move {@code FutureAccountingRingBuffer}: per future epoch the reserved capacity and the rewards
 * paid for it; entry {@code (current_index + k) mod length} is epoch {@code current + k}. Mutable;
 * {@link #copy()} is deep. The physical order follows Move's push_back + swap_remove.
 */
final class AccountingRing {

    /** Move {@code FutureAccounting { epoch: u32, used_capacity: u64, rewards_to_distribute: Balance<WAL> }}. */
    static final class Entry {
        long epoch;
        long usedCapacity;
        long rewards;

        Entry(long epoch, long usedCapacity, long rewards) {
            this.epoch = epoch;
            this.usedCapacity = usedCapacity;
            this.rewards = rewards;
        }

        Entry copy() {
            return new Entry(epoch, usedCapacity, rewards);
        }
    }

    private int currentIndex;
    private final int length;
    private final List<Entry> ring;

    private AccountingRing(int currentIndex, int length, List<Entry> ring) {
        this.currentIndex = currentIndex;
        this.length = length;
        this.ring = ring;
    }

    /** {@code ring_new(length)}: epochs 0 .. length-1, nothing used, no rewards. */
    static AccountingRing create(int length) {
        List<Entry> ring = new ArrayList<>(length);
        for (int e = 0; e < length; e++) {
            ring.add(new Entry(e, 0, 0));
        }
        return new AccountingRing(0, length, ring);
    }

    int maxEpochsAhead() {
        return length;
    }

    /** The entry of epoch {@code current + epochsInFuture} ({@code ETooFarInFuture} beyond the buffer). */
    Entry lookup(long epochsInFuture) {
        if (epochsInFuture < 0 || epochsInFuture >= length) {
            throw new ContractException(AbortReason.ETooFarInFuture,
                    epochsInFuture + " epochs ahead is beyond the accounting buffer of " + length);
        }
        return ring.get((int) ((epochsInFuture + currentIndex) % length));
    }

    /** {@code ring_pop_expand}: removes the current epoch's entry and appends epoch {@code current + length}. */
    Entry popExpand() {
        Entry current = ring.get(currentIndex);
        ring.add(new Entry(U64.addU32(current.epoch, length), 0, 0));
        // vector::swap_remove(current_index): the last element takes the removed one's place.
        Entry removed = ring.get(currentIndex);
        ring.set(currentIndex, ring.get(ring.size() - 1));
        ring.remove(ring.size() - 1);
        currentIndex = (currentIndex + 1) % length;
        return removed;
    }

    /** {@code extract_burn_balance}: takes 3% of the current epoch's rewards (rounded down). */
    long extractBurn() {
        Entry current = ring.get(currentIndex);
        long burn = Long.divideUnsigned(U64.mul(current.rewards, 3), 100);
        current.rewards -= burn;
        return burn;
    }

    AccountingRing copy() {
        List<Entry> copied = new ArrayList<>(ring.size());
        for (Entry e : ring) {
            copied.add(e.copy());
        }
        return new AccountingRing(currentIndex, length, copied);
    }

    void writeBcs(BcsWriter w) {
        w.u32(currentIndex).u32(length);
        w.sequence(ring, (ww, e) -> ww.u32(e.epoch).u64(e.usedCapacity).u64(e.rewards));
    }

    Map<String, Object> json() {
        List<Object> entries = new ArrayList<>(ring.size());
        for (Entry e : ring) {
            entries.add(Json.obj().put("epoch", e.epoch).put("used_capacity", Json.u64(e.usedCapacity))
                    .put("rewards_to_distribute", Json.balance(e.rewards)).build());
        }
        return Json.obj().put("current_index", currentIndex).put("length", length)
                .put("ring_buffer", List.copyOf(entries)).build();
    }
}
