package io.walrusj.core.encoding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Walrus reference vectors in {@code shared/vectors/rs2/}, read in place (never copied into the
 * project). The directory is found by walking up from the working directory, or set with
 * {@code -Dwalrus.vectors=DIR}.
 */
public final class ReferenceVectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceVectors() {}

    public static Path directory() {
        String override = System.getProperty("walrus.vectors");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/vectors/rs2");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolveSibling("shared").resolve("vectors/rs2");
            if (Files.isDirectory(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("shared/vectors/rs2 not found above " + Path.of("").toAbsolutePath()
                + "; set -Dwalrus.vectors=DIR");
    }

    public static List<JsonNode> load(String file) {
        try {
            return Files.readAllLines(directory().resolve(file)).stream()
                    .filter(line -> !line.isBlank())
                    .map(JSON::readTree)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds an input from its description: empty, hex:, text:, zeros:, pattern:, seed:S:LEN. */
    public static byte[] input(String spec) {
        if (spec.equals("empty")) {
            return new byte[0];
        }
        int colon = spec.indexOf(':');
        String kind = spec.substring(0, colon);
        String rest = spec.substring(colon + 1);
        return switch (kind) {
            case "hex" -> HexFormat.of().parseHex(rest);
            case "text" -> rest.getBytes(StandardCharsets.UTF_8);
            case "zeros" -> new byte[Integer.parseInt(rest)];
            case "pattern" -> {
                byte[] out = new byte[Integer.parseInt(rest)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) i;
                }
                yield out;
            }
            case "seed" -> seeded(rest.substring(0, rest.lastIndexOf(':')),
                    Integer.parseInt(rest.substring(rest.lastIndexOf(':') + 1)));
            default -> throw new IllegalArgumentException("unknown vector input " + spec);
        };
    }

    /** SHA-256("S:0") || SHA-256("S:1") || ... cut to {@code length} bytes. */
    public static byte[] seeded(String seed, int length) {
        byte[] out = new byte[length];
        for (int block = 0, pos = 0; pos < length; block++, pos += 32) {
            byte[] digest = sha256((seed + ":" + block).getBytes(StandardCharsets.US_ASCII));
            System.arraycopy(digest, 0, out, pos, Math.min(32, length - pos));
        }
        return out;
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }
}
