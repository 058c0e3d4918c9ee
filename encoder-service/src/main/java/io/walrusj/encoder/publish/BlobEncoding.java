package io.walrusj.encoder.publish;

import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** RS2-encodes a received body for an n-shard committee (one stateless encoder per n); spooled bodies are streamed. */
final class BlobEncoding {
    private final int parallelism;
    private final Map<Integer, BlobEncoder> encoders = new ConcurrentHashMap<>();

    BlobEncoding(int parallelism) {
        this.parallelism = parallelism;
    }

    EncodedBlob encode(BlobBody body, int nShards) {
        BlobEncoder encoder = encoders.computeIfAbsent(nShards, n -> new BlobEncoder(new EncodingConfig(n), parallelism));
        long max = encoder.config().maxBlobSize();
        if (body.length() > max) {
            throw new PayloadTooLargeException("the blob has " + body.length() + " bytes; with " + nShards
                    + " shards RS2 encodes at most " + max + " bytes");
        }
        return switch (body) {
            case BlobBody.InMemory m -> encoder.encode(m.bytes());
            case BlobBody.Spooled s -> {
                try (InputStream in = s.openStream()) {
                    yield encoder.encode(in, s.length());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the spooled blob " + s.file(), e);
                }
            }
        };
    }
}
