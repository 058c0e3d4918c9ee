package io.walrusj.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.e2e.net.LocalNetwork;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher ({@code PUT /v1/blobs} of the encoder service) against a real devnet and four
 * self-registered storage nodes (n = 10 shards), talked to directly: the response JSON field by
 * field against the chain and a local encoding, the cost against the wallet's balance, the
 * already-certified path and {@code force}, deletable blobs, and a store with one node stopped.
 * Its own network (no indexer, gateway or lying node), closed at the end.
 */
@Timeout(900)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublisherEndToEndTest {
    static int N_SHARDS;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static LocalNetwork net;
    static SuiRpcClient rpc;
    static DevnetClient devnet;
    static WalrusChainReader chain;
    static SuiAddress wallet;

    @BeforeAll
    static void network() throws Exception {
        net = LocalNetwork.shared();
        N_SHARDS = net.config().nShards();
        rpc = SuiRpcClient.create(net.devnetUrl());
        devnet = new DevnetClient(rpc);
        chain = new WalrusChainReader(rpc, devnet.chainInfo().network());
        String seed = Files.readString(net.workDir().resolve("publisher").resolve("publisher-wallet.key")).strip();
        wallet = Ed25519KeyPair.fromSeed(Base64.getDecoder().decode(seed)).suiAddress();
    }

    @AfterAll
    static void stop() {
        if (rpc != null) {
            rpc.close();
        }
    }

    @Test
    @Order(1)
    void storesBlobsOfZeroOneAndOneMebibyteBytes() throws Exception {
        for (int size : new int[] {0, 1, 1 << 20}) {
            byte[] blob = LocalNetwork.randomBlob(size, size + 1);
            long epoch = chain.currentEpoch();
            JsonNode created = newlyCreated(store(blob, "epochs=2&permanent=true"));
            assertNewlyCreated(created, blob, epoch, 2, false);
        }
    }

    @Test
    @Order(2)
    void costIsWhatTheWalletPays() throws Exception {
        store(LocalNetwork.randomBlob(10, 99), "epochs=1"); // the first store may top the wallet up from the faucet
        byte[] blob = LocalNetwork.randomBlob(300_000, 3);
        long before = devnet.balance(wallet);
        JsonNode created = newlyCreated(store(blob, "epochs=3&permanent=true"));
        long after = devnet.balance(wallet);
        long cost = created.path("cost").asLong();
        assertThat(before - after).as("balance difference").isEqualTo(cost);
        SystemStateInnerV1 system = chain.systemState();
        long units = new EncodingConfig(N_SHARDS).storageUnits(blob.length);
        assertThat(cost).isEqualTo(units * (system.storagePricePerUnitSize() * 3 + system.writePricePerUnitSize()));
    }

    @Test
    @Order(3)
    void aCertifiedPermanentBlobIsAlreadyCertifiedUnlessForced() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(5000, 5);
        long epoch = chain.currentEpoch();
        JsonNode first = newlyCreated(store(blob, "epochs=3&permanent=true"));
        String blobId = first.path("blobObject").path("blobId").asString();
        String objectId = first.path("blobObject").path("id").asString();
        net.awaitNodesReportCertified(blobId, false);

        JsonNode again = store(blob, "epochs=2");
        JsonNode certified = again.path("alreadyCertified");
        assertThat(certified.isObject()).as(again.toString()).isTrue();
        assertThat(certified.path("blobId").asString()).isEqualTo(blobId);
        assertThat(certified.path("endEpoch").asLong()).isEqualTo(epoch + 3);
        assertThat(certified.path("event").path("txDigest").asString()).isNotBlank();
        assertThat(certified.path("event").path("eventSeq").isString()).isTrue();

        // longer than the certified lifetime: stored anew
        assertThat(store(blob, "epochs=4&permanent=true").has("newlyCreated")).isTrue();

        JsonNode forced = newlyCreated(store(blob, "epochs=1&permanent=true&force=true"));
        assertThat(forced.path("blobObject").path("blobId").asString()).isEqualTo(blobId);
        assertThat(forced.path("blobObject").path("id").asString()).isNotEqualTo(objectId);
    }

    @Test
    @Order(4)
    void deletableIsTheDefaultAndCreatesANewObjectEachTime() throws Exception {
        byte[] blob = LocalNetwork.randomBlob(2000, 7);
        long epoch = chain.currentEpoch();
        JsonNode first = newlyCreated(store(blob, ""));
        assertNewlyCreated(first, blob, epoch, 1, true);
        net.awaitNodesReportCertified(first.path("blobObject").path("blobId").asString(), true);
        JsonNode second = newlyCreated(store(blob, "deletable=true"));
        assertNewlyCreated(second, blob, epoch, 1, true);
        assertThat(second.path("blobObject").path("id").asString())
                .isNotEqualTo(first.path("blobObject").path("id").asString());
    }

    @Test
    @Order(5)
    void storeSucceedsWithOneNodeStopped() throws Exception {
        CommitteeSnapshot committee = net.committee();
        // the node with the fewest shards: the other nodes still hold a quorum
        CommitteeSnapshot.Member down = committee.members().stream()
                .min(Comparator.comparingInt(CommitteeSnapshot.Member::weight)).orElseThrow();
        assertThat(down.weight()).isLessThanOrEqualTo(committee.maxFaulty());
        int index = net.nodeIndex(down.baseUri().orElseThrow());
        net.stopNode(index);
        try {
            byte[] blob = LocalNetwork.randomBlob(100_000, 11);
            long epoch = chain.currentEpoch();
            JsonNode created = newlyCreated(store(blob, "epochs=2&permanent=true"));
            assertNewlyCreated(created, blob, epoch, 2, false);
        } finally {
            net.restartNode(index);
        }
    }

    @Test
    @Order(6)
    void aBlobLargerThanTheNetworkCanEncodeIs413() throws Exception {
        long max = new EncodingConfig(N_SHARDS).maxBlobSize();
        HttpResponse<String> r = put("", new byte[(int) max + 1]);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    }

    // ------------------------------------------------------------------ helpers

    /** Checks every field of a newlyCreated result against the chain and a local encoding. */
    static void assertNewlyCreated(JsonNode created, byte[] blob, long epoch, int epochs, boolean deletable) {
        BlobId expectedId = new BlobEncoder(new EncodingConfig(N_SHARDS), 1).computeMetadata(blob).blobId();
        long encodedLength = new EncodingConfig(N_SHARDS).encodedLength(blob.length);
        JsonNode object = created.path("blobObject");
        assertThat(object.path("id").asString()).matches("0x[0-9a-f]{64}");
        assertThat(object.path("registeredEpoch").asLong()).isEqualTo(epoch);
        assertThat(object.path("blobId").asString()).isEqualTo(expectedId.toString());
        assertThat(object.path("size").asLong()).isEqualTo(blob.length);
        assertThat(object.path("encodingType").asString()).isEqualTo("RS2");
        assertThat(object.path("certifiedEpoch").asLong()).isEqualTo(epoch);
        assertThat(object.path("storage").path("id").asString()).matches("0x[0-9a-f]{64}");
        assertThat(object.path("storage").path("startEpoch").asLong()).isEqualTo(epoch);
        assertThat(object.path("storage").path("endEpoch").asLong()).isEqualTo(epoch + epochs);
        assertThat(object.path("storage").path("storageSize").asLong()).isEqualTo(encodedLength);
        assertThat(object.path("deletable").asBoolean()).isEqualTo(deletable);
        JsonNode operation = created.path("resourceOperation").path("registerFromScratch");
        assertThat(operation.path("encodedLength").asLong()).isEqualTo(encodedLength);
        assertThat(operation.path("epochsAhead").asLong()).isEqualTo(epochs);
        assertThat(created.has("sharedBlobObject")).isFalse();
        assertThat(created.path("cost").asLong()).isPositive();

        Blob onChain = chain.blob(SuiAddress.parse(object.path("id").asString()));
        assertThat(onChain.blobId()).isEqualTo(expectedId);
        assertThat(onChain.certifiedEpoch()).hasValue(epoch);
        assertThat(onChain.deletable()).isEqualTo(deletable);
    }

    static JsonNode newlyCreated(JsonNode result) {
        assertThat(result.has("newlyCreated")).as(result.toString()).isTrue();
        return result.path("newlyCreated");
    }

    static JsonNode store(byte[] blob, String query) throws Exception {
        HttpResponse<String> r = put(query, blob);
        assertThat(r.statusCode()).as("store of %d bytes: %s", blob.length, r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> put(String query, byte[] body) throws Exception {
        URI uri = net.encoderUrl().resolve("/v1/blobs" + (query.isEmpty() ? "" : "?" + query));
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(3))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
