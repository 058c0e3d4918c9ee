package io.walrusj.core.merkle;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Merkle tree node as Walrus serialises it: {@code Empty} (BCS variant 0, the 32-zero-byte
 * sibling of an odd level's last node) or a 32-byte {@code Digest} (variant 1).
 */
public sealed interface Node permits Node.Empty, Node.Digest {
    int DIGEST_LENGTH = 32;

    /** The 32 bytes this node contributes to its parent's hash (zeros for Empty). */
    byte[] bytes();

    void writeBcs(BcsWriter writer);

    static Node read(BcsReader reader) {
        return switch (reader.variant("Node", 2)) {
            case 0 -> Empty.INSTANCE;
            default -> new Digest(reader.fixedBytes(DIGEST_LENGTH));
        };
    }

    static Digest digest(byte[] bytes) {
        return new Digest(bytes);
    }

    final class Empty implements Node {
        public static final Empty INSTANCE = new Empty();

        private Empty() {}

        @Override
        public byte[] bytes() {
            return new byte[DIGEST_LENGTH];
        }

        @Override
        public void writeBcs(BcsWriter writer) {
            writer.variant(0);
        }

        @Override
        public String toString() {
            return "Empty";
        }
    }

    /** A 32-byte hash; equality is by content. */
    record Digest(byte[] value) implements Node {
        public Digest {
            if (value.length != DIGEST_LENGTH) {
                throw new IllegalArgumentException("a digest has 32 bytes, got " + value.length);
            }
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        @Override
        public byte[] bytes() {
            return value.clone();
        }

        /** Compares with {@code len = 32} bytes of {@code other} at {@code off} without copying. */
        public boolean matches(byte[] other, int off) {
            return Arrays.equals(value, 0, DIGEST_LENGTH, other, off, off + DIGEST_LENGTH);
        }

        @Override
        public void writeBcs(BcsWriter writer) {
            writer.variant(1);
            writer.fixedBytes(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Digest d && Arrays.equals(value, d.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(value);
        }
    }
}
