package io.walrusj.core.sliver;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;

/** Sliver pair k: primary sliver k and secondary sliver n-1-k. BCS: primary SliverData then secondary SliverData. */
public record SliverPair(SliverData primary, SliverData secondary) {
    public SliverPair {
        if (primary.type() != SliverType.PRIMARY || secondary.type() != SliverType.SECONDARY) {
            throw new IllegalArgumentException("a sliver pair is a primary and a secondary sliver");
        }
    }

    public int pairIndex() {
        return primary.index();
    }

    public void writeBcs(BcsWriter writer) {
        primary.writeBcs(writer);
        secondary.writeBcs(writer);
    }

    public static SliverPair read(BcsReader reader) {
        return new SliverPair(SliverData.read(reader, SliverType.PRIMARY), SliverData.read(reader, SliverType.SECONDARY));
    }
}
