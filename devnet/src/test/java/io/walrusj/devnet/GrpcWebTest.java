package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.FieldMask;
import com.google.protobuf.Message;
import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.grpc.proto.GetObjectRequest;
import io.walrusj.chain.grpc.proto.GetObjectResponse;
import io.walrusj.chain.grpc.proto.GetServiceInfoRequest;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.devnet.grpc.GrpcEndpoint;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * gRPC-Web as browsers and the official TypeScript SDK speak it: raw HTTP/1.1 POSTs of a framed
 * request to {@code /<service>/<method>} on the JSON-RPC port, answers parsed as data frames plus
 * the trailer frame (flag 0x80).
 */
class GrpcWebTest extends DevnetHttpTest {
    private final HttpClient http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    @Autowired
    GrpcEndpoint endpoint;

    @BeforeEach
    void distinctNonces() {
        nonce.set(System.nanoTime());
    }

    @Test
    void unaryCallsAnswerDataAndTrailerFrames() throws Exception {
        String system = result("devnet_getChainInfo", "[]").get("systemObjectId").asString();
        GetObjectRequest request = GetObjectRequest.newBuilder().setObjectId(system)
                .setReadMask(FieldMask.newBuilder().addPaths("object_id").addPaths("version").addPaths("contents")).build();
        HttpResponse<byte[]> response = post("/sui.rpc.v2.LedgerService/GetObject", "application/grpc-web+proto", frame(request));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/grpc-web+proto");
        Frames frames = Frames.parse(response.body());
        assertThat(frames.trailers()).containsEntry("grpc-status", "0");
        GetObjectResponse object = GetObjectResponse.parseFrom(frames.messages().getFirst());
        JsonNode json = result("sui_getObject", "[\"" + system + "\", {\"showBcs\":true}]").get("data");
        assertThat(object.getObject().getVersion()).isEqualTo(json.get("version").asLong());
        assertThat(object.getObject().getContents().getValue().toByteArray())
                .isEqualTo(Base64.getDecoder().decode(json.get("bcs").get("bcsBytes").asString()));
        assertThat(object.getObject().hasDigest()).isFalse();

        // application/grpc-web (no +proto) and the Base64 text variant.
        Frames plain = Frames.parse(post("/sui.rpc.v2.LedgerService/GetServiceInfo", "application/grpc-web",
                frame(GetServiceInfoRequest.getDefaultInstance())).body());
        assertThat(GetServiceInfoResponse.parseFrom(plain.messages().getFirst()).getChain()).isEqualTo("walrusj-devnet");
        HttpResponse<byte[]> text = post("/sui.rpc.v2.LedgerService/GetServiceInfo", "application/grpc-web-text",
                Base64.getEncoder().encode(frame(GetServiceInfoRequest.getDefaultInstance())));
        assertThat(text.headers().firstValue("content-type")).hasValue("application/grpc-web-text+proto");
        Frames decoded = Frames.parse(Base64.getMimeDecoder().decode(text.body()));
        assertThat(decoded.trailers()).containsEntry("grpc-status", "0");
        assertThat(GetServiceInfoResponse.parseFrom(decoded.messages().getFirst()).hasCheckpointHeight()).isTrue();
    }

    @Test
    void errorsAreTrailerFramesWithStatusCodes() throws Exception {
        Frames bad = Frames.parse(post("/sui.rpc.v2.LedgerService/GetObject", "application/grpc-web+proto",
                frame(GetObjectRequest.newBuilder().setObjectId("0xzz").build())).body());
        assertThat(bad.messages()).isEmpty();
        assertThat(bad.trailers()).containsEntry("grpc-status", "3").containsKey("grpc-status-details-bin");
        assertThat(bad.trailers().get("grpc-message")).contains("object_id");

        Frames missing = Frames.parse(post("/sui.rpc.v2.LedgerService/GetObject", "application/grpc-web+proto",
                frame(GetObjectRequest.newBuilder().setObjectId("0x" + "ef".repeat(32)).build())).body());
        assertThat(missing.trailers()).containsEntry("grpc-status", "5");

        byte[] garbage = {0, 0, 0, 0, 3, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(Frames.parse(post("/sui.rpc.v2.LedgerService/GetObject", "application/grpc-web+proto", garbage).body())
                .trailers()).containsEntry("grpc-status", "3");
        byte[] oversize = {0, 0x7f, 0, 0, 0};
        assertThat(Frames.parse(post("/sui.rpc.v2.LedgerService/GetObject", "application/grpc-web+proto", oversize).body())
                .trailers()).containsEntry("grpc-status", "8");
        assertThat(Frames.parse(post("/sui.rpc.v2.LedgerService/NoSuchMethod", "application/grpc-web+proto",
                frame(GetServiceInfoRequest.getDefaultInstance())).body()).trailers()).containsEntry("grpc-status", "12");
        assertThat(post("/sui.rpc.v2.LedgerService/GetObject", "application/json", new byte[0]).statusCode()).isEqualTo(415);
    }

    @Test
    void subscriptionStreamsFramesOverHttp1() throws Exception {
        int before = endpoint.subscriptionCount();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sui.rpc.v2.SubscriptionService/SubscribeCheckpoints"))
                .header("Content-Type", "application/grpc-web+proto")
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame(SubscribeCheckpointsRequest.newBuilder()
                        .setReadMask(FieldMask.newBuilder().addPaths("sequence_number").addPaths("transactions.digest")).build())))
                .build();
        HttpResponse<InputStream> response = http1.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            awaitSubscriptions(before + 1);
            JsonNode executed = execute(new Call.TransferWal(USER.suiAddress(), 1));
            DataInputStream in = new DataInputStream(body);
            assertThat(in.readByte()).isZero();
            byte[] message = new byte[in.readInt()];
            in.readFully(message);
            SubscribeCheckpointsResponse frame = SubscribeCheckpointsResponse.parseFrom(message);
            assertThat(frame.getCursor()).isEqualTo(executed.get("checkpoint").asLong());
            assertThat(frame.getCheckpoint().getTransactions(0).getDigest()).isEqualTo(executed.get("digest").asString());
            assertThat(frame.getCheckpoint().hasDigest()).isFalse();
        }
        // Closing the HTTP/1.1 response ends the subscription once a write to the closed connection fails
        // (the first write after the close may still be accepted by the socket).
        for (int i = 0; i < 20 && endpoint.subscriptionCount() != before; i++) {
            execute(new Call.TransferWal(USER.suiAddress(), 1));
            Thread.sleep(100);
        }
        awaitSubscriptions(before);
    }

    private void awaitSubscriptions(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (endpoint.subscriptionCount() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(endpoint.subscriptionCount()).isEqualTo(expected);
    }

    private HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
        return http1.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).header("X-Grpc-Web", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] frame(Message message) {
        byte[] bytes = message.toByteArray();
        byte[] out = new byte[5 + bytes.length];
        out[1] = (byte) (bytes.length >>> 24);
        out[2] = (byte) (bytes.length >>> 16);
        out[3] = (byte) (bytes.length >>> 8);
        out[4] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, 5, bytes.length);
        return out;
    }

    /** A gRPC-Web response body: data frames, then one trailer frame (which must come last). */
    record Frames(List<byte[]> messages, Map<String, String> trailers) {
        static Frames parse(byte[] body) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            List<byte[]> messages = new ArrayList<>();
            Map<String, String> trailers = null;
            while (in.available() > 0) {
                assertThat(trailers).as("nothing may follow the trailer frame").isNull();
                byte flag = in.readByte();
                byte[] payload = new byte[in.readInt()];
                in.readFully(payload);
                if (flag == 0) {
                    messages.add(payload);
                } else {
                    assertThat(flag).isEqualTo((byte) 0x80);
                    trailers = new LinkedHashMap<>();
                    for (String line : new String(payload, StandardCharsets.US_ASCII).split("\r\n")) {
                        int colon = line.indexOf(':');
                        trailers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                    }
                }
            }
            assertThat(trailers).as("trailer frame").isNotNull();
            return new Frames(messages, trailers);
        }
    }
}
