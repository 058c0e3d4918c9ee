package io.walrusj.core.sliver;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;

/** Matrix element (row {@code primary}, column {@code secondary}). BCS (u16, u16); text "i-j". */
public record SymbolId(int primary, int secondary) {
    public SymbolId {
        if (primary < 0 || primary > 0xFFFF || secondary < 0 || secondary > 0xFFFF) {
            throw new IllegalArgumentException("symbol id components must fit in u16: " + primary + "-" + secondary);
        }
    }

    public static SymbolId parse(String text) {
        int dash = text.indexOf('-');
        if (dash <= 0 || dash == text.length() - 1) {
            throw new IllegalArgumentException("symbol id must look like '<primary>-<secondary>', got '" + text + "'");
        }
        try {
            return new SymbolId(Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("symbol id must look like '<primary>-<secondary>', got '" + text + "'");
        }
    }

    public void writeBcs(BcsWriter writer) {
        writer.u16(primary);
        writer.u16(secondary);
    }

    public static SymbolId read(BcsReader reader) {
        return new SymbolId(reader.u16(), reader.u16());
    }

    @Override
    public String toString() {
        return primary + "-" + secondary;
    }
}
