package io.walrusj.encoder.read;

import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.SliverExpander;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.core.metadata.SliverPairMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Real RS2 encodings for the tests (n = 10: p = 4 primary, s = 7 secondary source symbols). */
final class TestBlobs {
    static final int N = 10;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final RequestRace.Limits FAST = new RequestRace.Limits(16, Duration.ofMillis(100), Duration.ofSeconds(20));

    private TestBlobs() {}

    static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    static EncodedBlob encode(byte[] data) {
        return new BlobEncoder(CONFIG, 2).encode(data);
    }

    static SliverCollector collector(SliverCounter counter) {
        return new SliverCollector(CONFIG, FAST, counter);
    }

    static BlobAssembler assembler(SliverCounter counter) {
        return new BlobAssembler(collector(counter), 2);
    }

    /**
     * An inconsistently encoded blob: primary sliver {@code p} (the first recovery row) is replaced
     * by other bytes and the metadata (and so the blob ID) commits to the replacement. Every sliver
     * verifies on its own, but decoding with sliver p yields rows that do not match their hashes.
     */
    static EncodedBlob inconsistent(EncodedBlob honest) {
        int p = CONFIG.primarySymbols();
        SliverData original = honest.primarySlivers().get(p);
        byte[] data = original.data().clone();
        data[0] ^= 0x01;
        SliverData forged = new SliverData(SliverType.PRIMARY, p, original.symbolSize(), data);
        BlobMetadata meta = honest.metadata().metadata();
        List<SliverPairMetadata> hashes = new ArrayList<>(meta.hashes());
        hashes.set(p, new SliverPairMetadata(new SliverExpander(CONFIG, original.symbolSize()).root(forged),
                hashes.get(p).secondaryHash()));
        BlobMetadata forgedMeta = new BlobMetadata(meta.encodingType(), meta.unencodedLength(), hashes);
        List<SliverData> primary = new ArrayList<>(honest.primarySlivers());
        primary.set(p, forged);
        return new EncodedBlob(new BlobMetadataWithId(forgedMeta.computeBlobId(), forgedMeta), primary,
                honest.secondarySlivers());
    }
}
