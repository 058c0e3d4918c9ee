package io.walrusj.storage.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadataWithId;
import io.walrusj.storage.StorageNodeApplication;
import io.walrusj.storage.testing.NodeChain;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of uploads: a storage node runs in a child JVM on a fake chain served by
 * this JVM; the test uploads metadata and slivers over HTTP from several threads, kills the child
 * with {@code destroyForcibly()} while requests are in flight, restarts a node on the same data
 * directory and checks that every upload answered 2xx before the kill reads back byte-identical
 * (metadata also verifies against its blob id).
 */
class KillNineDurabilityTest {
    static final int N = 10;
    static final long EPOCH = 2;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final SuiAddress NODE = FakeSuiChain.addr(0xb1);
    static final List<Integer> OWNED = List.of(0, 1, 2, 3, 4, 5, 6);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One acknowledged write: metadata (pair -1) or a sliver. */
    record Ack(int blob, int pair, String type) {
    }

    @Test
    void everyAcknowledgedUploadSurvivesKillNine(@TempDir Path dir) throws Exception {
        Map<SuiAddress, List<Integer>> committee = new LinkedHashMap<>();
        committee.put(NODE, OWNED);
        committee.put(FakeSuiChain.addr(0xb2), List.of(7, 8, 9));
        List<EncodedBlob> blobs = new ArrayList<>();
        try (FakeSuiChain chain = NodeChain.start(N, EPOCH, committee)) {
            for (int i = 0; i < 12; i++) {
                byte[] data = new byte[20_000 + i * 911];
                for (int j = 0; j < data.length; j++) {
                    data[j] = (byte) (j * 31 + i * 7);
                }
                EncodedBlob b = new BlobEncoder(CONFIG).encode(data);
                blobs.add(b);
                chain.emit(new WalrusEvent.BlobRegistered(EPOCH, b.blobId(), data.length, 1, EPOCH + 5, false,
                        FakeSuiChain.addr(0x10 + i)));
            }

            int port = freePort();
            Process child = startNode(chain, dir, port, dir.resolve("child-1.log"));
            List<Ack> acked = Collections.synchronizedList(new ArrayList<>());
            try {
                awaitRegistered(port, blobs.getLast().blobId(), child);
                AtomicInteger next = new AtomicInteger();
                List<Thread> uploaders = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    uploaders.add(Thread.ofVirtual().start(() -> upload(port, blobs, next, acked)));
                }
                // kill once a good part (not all) of the writes were acknowledged, with requests in flight
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                int total = blobs.size() * (1 + 2 * OWNED.size());
                while (acked.size() < total / 3 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                child.destroyForcibly();
                assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
                for (Thread t : uploaders) {
                    t.join(Duration.ofSeconds(20));
                }
            } finally {
                child.destroyForcibly();
            }
            List<Ack> before = List.copyOf(acked);
            assertThat(before).as("some uploads were acknowledged before the kill").isNotEmpty();
            assertThat(before.size()).as("the kill came before the end of the uploads").isLessThan(
                    blobs.size() * (1 + 2 * OWNED.size()));

            int port2 = freePort();
            Process restarted = startNode(chain, dir, port2, dir.resolve("child-2.log"));
            try {
                awaitRegistered(port2, blobs.getLast().blobId(), restarted);
                for (Ack a : before) {
                    EncodedBlob b = blobs.get(a.blob());
                    BlobId id = b.blobId();
                    if (a.pair() < 0) {
                        HttpResponse<byte[]> r = get(port2, "/v1/blobs/" + id + "/metadata");
                        assertThat(r.statusCode()).as("metadata of blob %d", a.blob()).isEqualTo(200);
                        assertThat(r.body()).isEqualTo(b.metadata().toBcs());
                        BlobMetadataWithId m = BlobMetadataWithId.fromBcs(r.body());
                        m.metadata().verify(CONFIG, id);
                    } else {
                        HttpResponse<byte[]> r = get(port2, "/v1/blobs/" + id + "/slivers/" + a.pair() + "/" + a.type());
                        assertThat(r.statusCode()).as("%s sliver %d of blob %d", a.type(), a.pair(), a.blob()).isEqualTo(200);
                        byte[] expected = a.type().equals("primary") ? b.pair(a.pair()).primary().toBcs()
                                : b.pair(a.pair()).secondary().toBcs();
                        assertThat(r.body()).isEqualTo(expected);
                    }
                }
            } finally {
                restarted.destroy();
                if (!restarted.waitFor(15, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly();
                }
            }
        }
    }

    /** Uploads blobs in order (metadata first, then both slivers of every owned pair), recording 2xx answers. */
    static void upload(int port, List<EncodedBlob> blobs, AtomicInteger next, List<Ack> acked) {
        try {
            for (int i = next.getAndIncrement(); i < blobs.size(); i = next.getAndIncrement()) {
                EncodedBlob b = blobs.get(i);
                BlobId id = b.blobId();
                if (put(port, "/v1/blobs/" + id + "/metadata", b.metadata().metadata().toBcs())) {
                    acked.add(new Ack(i, -1, null));
                }
                int offset = id.rotationOffset(N);
                for (int shard : OWNED) {
                    int p = CONFIG.pairForShard(shard, offset);
                    if (put(port, "/v1/blobs/" + id + "/slivers/" + p + "/primary", b.pair(p).primary().toBcs())) {
                        acked.add(new Ack(i, p, "primary"));
                    }
                    if (put(port, "/v1/blobs/" + id + "/slivers/" + p + "/secondary", b.pair(p).secondary().toBcs())) {
                        acked.add(new Ack(i, p, "secondary"));
                    }
                }
            }
        } catch (IOException e) {
            // the node was killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean put(int port, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofSeconds(10))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status = HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new IllegalStateException("PUT " + path + " answered " + status);
        }
        return true;
    }

    static HttpResponse<byte[]> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static Process startNode(FakeSuiChain chain, Path dir, int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                StorageNodeApplication.class.getName(),
                "--server.port=" + port,
                "--spring.jmx.enabled=false",
                "--storage.data-dir=" + dir.resolve("node"),
                "--storage.rpc-url=" + chain.jsonRpcUri(), "--storage.grpc-url=" + chain.grpcUrl(),
                "--storage.package-id=" + FakeSuiChain.PACKAGE,
                "--storage.system-object-id=" + FakeSuiChain.SYSTEM,
                "--storage.staking-object-id=" + FakeSuiChain.STAKING,
                "--storage.node-id=" + NODE));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Waits until the node has read the chain (health {@code Active}: n and its shards known) and
     * knows the registration of {@code last} (events are in order).
     */
    static void awaitRegistered(int port, BlobId last, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as("node process alive").isTrue();
            try {
                HttpResponse<byte[]> health = get(port, "/v1/health");
                HttpResponse<byte[]> r = get(port, "/v1/blobs/" + last + "/status");
                if (health.statusCode() == 200 && new String(health.body()).contains("\"Active\"")
                        && r.statusCode() == 200 && !Json.MAPPER.readTree(new String(r.body())).toString().contains("nonexistent")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("node on port " + port + " did not become ready");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
