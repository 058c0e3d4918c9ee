package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Move {@code pending_values::PendingValues(VecMap<u32, u64>)}: values keyed by the epoch they take
 * effect, in insertion order. Mutable; {@link #copy()} is deep.
 */
final class PendingValues {
    private final List<long[]> entries;

    private PendingValues(List<long[]> entries) {
        this.entries = entries;
    }

    static PendingValues empty() {
        return new PendingValues(new ArrayList<>());
    }

    void insertOrAdd(long epoch, long value) {
        for (long[] e : entries) {
            if (e[0] == epoch) {
                e[1] = U64.add(e[1], value);
                return;
            }
        }
        entries.add(new long[] {epoch, value});
    }

    /** Sum of the values of epochs {@code <= epoch}. */
    long valueAt(long epoch) {
        long sum = 0;
        for (long[] e : entries) {
            if (e[0] <= epoch) {
                sum = U64.add(sum, e[1]);
            }
        }
        return sum;
    }

    /** The value of the latest epoch {@code <= toEpoch}, or -1 if none (values are u16 rates here). */
    long latestValueAt(long toEpoch) {
        long latestEpoch = -1;
        long value = -1;
        for (long[] e : entries) {
            if (e[0] <= toEpoch && e[0] > latestEpoch) {
                latestEpoch = e[0];
                value = e[1];
            }
        }
        return value;
    }

    /** Removes the entries of epochs {@code <= toEpoch} (keeping the others' order) and returns their sum. */
    long flush(long toEpoch) {
        long sum = 0;
        List<long[]> kept = new ArrayList<>();
        for (long[] e : entries) {
            if (e[0] <= toEpoch) {
                sum = U64.add(sum, e[1]);
            } else {
                kept.add(e);
            }
        }
        entries.clear();
        entries.addAll(kept);
        return sum;
    }

    PendingValues copy() {
        List<long[]> copied = new ArrayList<>(entries.size());
        for (long[] e : entries) {
            copied.add(e.clone());
        }
        return new PendingValues(copied);
    }

    void writeBcs(BcsWriter w) {
        w.sequence(entries, (ww, e) -> ww.u32(e[0]).u64(e[1]));
    }

    Map<String, Object> json() {
        List<Map<String, Object>> contents = new ArrayList<>();
        for (long[] e : entries) {
            contents.add(Json.entry(e[0], Json.u64(e[1])));
        }
        return Json.obj().put("pos0", Json.vecMap(contents)).build();
    }
}
