package io.walrusj.core.metadata;

import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.util.Locale;

/** Walrus encoding types. Only RS2 (BCS variant 1) is supported; the legacy RaptorQ variant 0 is rejected. */
public enum EncodingType {
    RS2(1);

    private final int id;

    EncodingType(int id) {
        this.id = id;
    }

    /** The BCS variant index, also the first byte of the blob-ID preimage. */
    public int id() {
        return id;
    }

    public void writeBcs(BcsWriter writer) {
        writer.variant(id);
    }

    public static EncodingType read(BcsReader reader) {
        int position = reader.position();
        int variant = reader.variant("EncodingType", 2);
        if (variant != RS2.id) {
            throw new BcsException("unsupported encoding type " + variant + " (legacy RedStuff/RaptorQ)", position);
        }
        return RS2;
    }

    /** Accepts "RS2", "reed-solomon" and "redstuff/reed-solomon", case-insensitively. */
    public static EncodingType parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "rs2", "reed-solomon", "redstuff/reed-solomon" -> RS2;
            default -> throw new IllegalArgumentException("unknown encoding type '" + text + "'; supported: RS2");
        };
    }

    @Override
    public String toString() {
        return "RedStuff/Reed-Solomon";
    }
}
