package io.walrusj.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The API keys that may write, known only by their SHA-256 digests (the configuration never holds a
 * key). A presented key is hashed and compared with every configured digest in constant time, without
 * stopping at a match, so neither the time nor the order of clients tells anything about a key.
 */
public final class ApiKeys {

    /** A client that may write, with its quota. */
    public record Client(String name, byte[] keySha256, long maxBytes, long maxEpochs) {
        public Client {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an API client needs a name");
            }
            if (keySha256 == null || keySha256.length != 32) {
                throw new IllegalArgumentException("API client " + name + ": key-sha256 must be 64 hex digits");
            }
            if (maxBytes <= 0 || maxEpochs <= 0) {
                throw new IllegalArgumentException("API client " + name + ": max-bytes and max-epochs must be > 0");
            }
        }
    }

    private final List<Client> clients;

    public ApiKeys(List<Client> clients) {
        this.clients = List.copyOf(clients);
        long distinct = clients.stream().map(c -> HexFormat.of().formatHex(c.keySha256())).distinct().count();
        if (distinct != clients.size()) {
            throw new IllegalArgumentException("two API clients have the same key");
        }
    }

    /** Parses a configured digest: 64 hex digits, case-insensitive. */
    public static byte[] parseDigest(String hex) {
        try {
            return HexFormat.of().parseHex(hex.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client whose key this is, if any. */
    public Optional<Client> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presentedKey);
        Client found = null;
        for (Client client : clients) {
            if (MessageDigest.isEqual(digest, client.keySha256()) & found == null) {
                found = client;
            }
        }
        return Optional.ofNullable(found);
    }
}
