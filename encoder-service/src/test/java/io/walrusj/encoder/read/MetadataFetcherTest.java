package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.nodeclient.NodeApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MetadataFetcherTest {
    final EncodedBlob blob = TestBlobs.encode(TestBlobs.random(5_000, 3));
    final EncodedBlob other = TestBlobs.encode(TestBlobs.random(5_000, 4));
    final ShardOwners owners = TestCommittee.owners();

    BlobMetadataWithId fetch(IntFunction<Object> answerOfNode) {
        MetadataFetcher fetcher = new MetadataFetcher((uri, id) -> {
            Object a = answerOfNode.apply(TestCommittee.node(uri));
            if (a instanceof IOException e) {
                throw e;
            }
            return (BlobMetadataWithId) a;
        }, TestBlobs.FAST);
        return fetcher.fetch(owners, TestBlobs.CONFIG, blob.blobId());
    }

    @RepeatedTest(5)
    void liarsAreSkippedWhateverTheOrder() {
        BlobMetadata meta = blob.metadata().metadata();
        List<Object> answers = new ArrayList<>(List.of(
                other.metadata(), // someone else's metadata
                new BlobMetadataWithId(blob.blobId(), other.metadata().metadata()), // hashes that do not derive the id
                new BlobMetadataWithId(blob.blobId(), new BlobMetadata(meta.encodingType(), meta.unencodedLength() + 1,
                        meta.hashes())), // wrong length
                blob.metadata()));
        assertThat(fetch(answers::get)).isEqualTo(blob.metadata());
    }

    @Test
    void moreThan2fShardsNotFoundIs404() {
        // nodes 0, 1 and 3 (8 shards > 2f = 6) say not found, node 2 is down.
        assertThatThrownBy(() -> fetch(i -> i == 2 ? new ConnectException("down")
                : new NodeApiException(404, "METADATA_NOT_FOUND", "no")))
                .isInstanceOfSatisfying(DaemonException.class, e -> assertThat(e.reason()).isEqualTo("BLOB_NOT_FOUND"));
    }

    @Test
    void notFoundFromAtMost2fShardsIs503() {
        // nodes 0 and 1 (6 shards = 2f) say not found, the others are down: maybe it exists.
        assertThatThrownBy(() -> fetch(i -> i < 2 ? new NodeApiException(404, "METADATA_NOT_FOUND", "no")
                : new ConnectException("down")))
                .isInstanceOfSatisfying(DaemonException.class, e -> {
                    assertThat(e.reason()).isEqualTo("BLOB_UNAVAILABLE");
                    assertThat(e.status().http()).isEqualTo(503);
                });
    }

    @Test
    void asksOneNodeAtATime() {
        Set<Integer> asked = ConcurrentHashMap.newKeySet();
        fetch(i -> {
            asked.add(i);
            return blob.metadata();
        });
        assertThat(asked).hasSize(1);
    }
}
