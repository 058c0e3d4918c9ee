package io.walrusj.core.sliver;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.util.Locale;

/** The two sliver axes (BCS enum: 0 = primary, 1 = secondary; text "primary" / "secondary"). */
public enum SliverType {
    /** A row of the expanded matrix (s symbols). */
    PRIMARY,
    /** A column of the expanded matrix (p symbols). */
    SECONDARY;

    public SliverType orthogonal() {
        return this == PRIMARY ? SECONDARY : PRIMARY;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SliverType parse(String text) {
        return switch (text) {
            case "primary" -> PRIMARY;
            case "secondary" -> SECONDARY;
            default -> throw new IllegalArgumentException("sliver type must be 'primary' or 'secondary', got '" + text + "'");
        };
    }

    public void writeBcs(BcsWriter writer) {
        writer.variant(ordinal());
    }

    public static SliverType read(BcsReader reader) {
        return values()[reader.variant("SliverType", 2)];
    }
}
