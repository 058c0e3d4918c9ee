package io.walrusj.core.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The Walrus reference vectors, kept as test resources under {@code vectors/rs2/} (see
 * {@code src/test/resources/vectors/README.md} for where they come from and their fields).
 */
public final class ReferenceVectors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceVectors() {}

    public static List<JsonNode> load(String file) {
        String resource = "/vectors/rs2/" + file;
        try (InputStream in = ReferenceVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(JSON::readTree)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
