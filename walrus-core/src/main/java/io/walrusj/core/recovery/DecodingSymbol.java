package io.walrusj.core.recovery;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;

/**
 * One symbol of a sliver to be recovered, taken from an orthogonal source sliver. {@code index} is
 * the source sliver's index, which is the symbol's codeword position in the target's row/column.
 * BCS: {@code index: u16, data: bytes}.
 */
public record DecodingSymbol(int index, byte[] data) {
    public DecodingSymbol {
        if (index < 0 || index > 0xFFFF) {
            throw new IllegalArgumentException("symbol index must fit in u16, got " + index);
        }
    }

    public void writeBcs(BcsWriter writer) {
        writer.u16(index);
        writer.bytes(data);
    }

    public static DecodingSymbol read(BcsReader reader) {
        return new DecodingSymbol(reader.u16(), reader.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecodingSymbol d && index == d.index && java.util.Arrays.equals(data, d.data);
    }

    @Override
    public int hashCode() {
        return 31 * index + java.util.Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DecodingSymbol[index=" + index + ", " + data.length + " bytes]";
    }
}
