package io.walrusj.bench;

import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.sliver.SliverData;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Shared benchmark inputs: seeded random blobs, size and thread-count parsing, sliver subsets. */
final class Inputs {
    private Inputs() {}

    /** {@code length} pseudo-random bytes from {@code SplittableRandom(seed)}; the same on every run. */
    static byte[] randomBlob(int length, long seed) {
        byte[] blob = new byte[length];
        new SplittableRandom(seed).nextBytes(blob);
        return blob;
    }

    /** "1024", "1KiB", "64MiB", "1GiB" (binary units) to bytes. */
    static int parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("kib")) {
            unit = 1L << 10;
        } else if (t.endsWith("mib")) {
            unit = 1L << 20;
        } else if (t.endsWith("gib")) {
            unit = 1L << 30;
        }
        if (unit != 1) {
            t = t.substring(0, t.length() - 3);
        }
        return Math.toIntExact(Long.parseLong(t) * unit);
    }

    /** A thread count, or "all" for {@link Runtime#availableProcessors()}. */
    static int parseParallelism(String text) {
        return "all".equalsIgnoreCase(text) ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(text);
    }

    /** Human-readable binary size: 1 KiB, 64 MiB. */
    static String formatSize(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    /**
     * p primary slivers to decode from: "systematic" = 0..p-1 (the rows themselves, no RS work),
     * "last" = n-p..n-1 (recovery slivers only: every row must be RS-decoded).
     */
    static List<SliverData> primarySource(EncodedBlob encoded, EncodingConfig config, String source) {
        int n = config.nShards();
        int p = config.primarySymbols();
        List<SliverData> all = encoded.primarySlivers();
        return switch (source) {
            case "systematic" -> List.copyOf(all.subList(0, p));
            case "last" -> List.copyOf(all.subList(n - p, n));
            default -> throw new IllegalArgumentException("source must be 'systematic' or 'last', got " + source);
        };
    }
}
