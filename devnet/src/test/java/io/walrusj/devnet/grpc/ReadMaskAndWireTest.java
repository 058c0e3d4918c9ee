package io.walrusj.devnet.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.FieldMask;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.TransactionEvents;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Read masks (validation, defaults, repeated paths, Sui fields not served) and the gRPC / gRPC-Web wire helpers. */
class ReadMaskAndWireTest {
    private static final Checkpoint FULL = Checkpoint.newBuilder().setSequenceNumber(7).setDigest("d")
            .addTransactions(ExecutedTransaction.newBuilder().setDigest("t1").setCheckpoint(7)
                    .setEvents(TransactionEvents.newBuilder().addEvents(Event.newBuilder().setModule("m").setEventType("T")
                            .setContents(Bcs.newBuilder().setName("T").setValue(com.google.protobuf.ByteString.copyFrom(new byte[] {1}))))))
            .addTransactions(ExecutedTransaction.newBuilder().setDigest("t2"))
            .build();

    private static ReadMask mask(String... paths) {
        return ReadMask.of(true, FieldMask.newBuilder().addAllPaths(java.util.List.of(paths)).build(), Checkpoint.getDescriptor());
    }

    @Test
    void masksKeepOnlyTheNamedFieldsThroughRepeatedFields() {
        Checkpoint cut = mask("sequence_number", "transactions.events.events.event_type").apply(FULL);
        assertThat(cut.hasSequenceNumber()).isTrue();
        assertThat(cut.hasDigest()).isFalse();
        assertThat(cut.getTransactionsCount()).isEqualTo(2);
        assertThat(cut.getTransactions(0).hasDigest()).isFalse();
        Event e = cut.getTransactions(0).getEvents().getEvents(0);
        assertThat(e.getEventType()).isEqualTo("T");
        assertThat(e.hasModule() || e.hasContents()).isFalse();
        // A whole message keeps everything below it, whatever longer paths say.
        assertThat(mask("transactions", "transactions.digest").apply(FULL).getTransactions(0)).isEqualTo(FULL.getTransactions(0));
        assertThat(ReadMask.of(false, FieldMask.getDefaultInstance(), Checkpoint.getDescriptor(), "sequence_number", "digest")
                .apply(FULL)).isEqualTo(Checkpoint.newBuilder().setSequenceNumber(7).setDigest("d").build());
        ReadMask m = mask("transactions.events");
        assertThat(m.includes("transactions")).isTrue();
        assertThat(m.includes("summary")).isFalse();
        assertThat(m.child("transactions").child("events").includes("events")).isTrue();
        assertThat(m.child("summary").includes("timestamp")).isFalse();
    }

    @Test
    void unknownPathsAreInvalidButSuiFieldsTheProtosOmitAreAccepted() {
        for (String bad : new String[] {"nope", "sequence_number.x", "transactions.events.events.nope", "", "summary..epoch"}) {
            assertThatThrownBy(() -> mask(bad)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        }
        Checkpoint cut = mask("signature", "transactions.effects.status", "sequence_number").apply(FULL);
        // The repeated field keeps its length; its elements carry nothing the devnet serves.
        assertThat(cut).isEqualTo(Checkpoint.newBuilder().setSequenceNumber(7)
                .addTransactions(ExecutedTransaction.getDefaultInstance()).addTransactions(ExecutedTransaction.getDefaultInstance()).build());
    }

    @Test
    void framesTrailersAndTimeouts() throws Exception {
        byte[] framed = GrpcWire.frame((byte) 0, new byte[] {9, 8, 7});
        assertThat(GrpcWire.readSingleMessage(new ByteArrayInputStream(framed), 1024)).containsExactly(9, 8, 7);
        assertBad(new byte[] {0, 0, 0}, Status.Code.INVALID_ARGUMENT);                    // no full header
        assertBad(new byte[] {0, 0, 0, 0, 5, 1}, Status.Code.INVALID_ARGUMENT);           // body ends inside
        assertBad(new byte[] {0, 0, 0, 8, 1}, Status.Code.RESOURCE_EXHAUSTED);            // 2049 > 1024
        assertBad(new byte[] {1, 0, 0, 0, 0}, Status.Code.UNIMPLEMENTED);                 // compressed
        byte[] two = new byte[framed.length * 2];
        System.arraycopy(framed, 0, two, 0, framed.length);
        System.arraycopy(framed, 0, two, framed.length, framed.length);
        assertBad(two, Status.Code.INVALID_ARGUMENT);

        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER), new byte[] {1, 2});
        var fields = GrpcWire.trailers(Status.NOT_FOUND.withDescription("100% gone\n"), trailers);
        assertThat(fields).containsEntry("grpc-status", "5").containsEntry("grpc-message", "100%25 gone%0A")
                .containsEntry("grpc-status-details-bin", "AQI");
        assertThat(new String(GrpcWire.trailerBlock(fields), StandardCharsets.US_ASCII))
                .isEqualTo("grpc-status:5\r\ngrpc-message:100%25 gone%0A\r\ngrpc-status-details-bin:AQI\r\n");

        assertThat(GrpcWire.timeoutNanos("5S")).isEqualTo(TimeUnit.SECONDS.toNanos(5));
        assertThat(GrpcWire.timeoutNanos("250m")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(GrpcWire.timeoutNanos("1x")).isEqualTo(-1);
        assertThat(GrpcWire.timeoutNanos("123456789S")).isEqualTo(-1);
        assertThat(GrpcWire.timeoutNanos(null)).isEqualTo(-1);

        assertThat(GrpcWire.Protocol.of("application/grpc")).isEqualTo(GrpcWire.Protocol.NATIVE);
        assertThat(GrpcWire.Protocol.of("application/grpc+proto")).isEqualTo(GrpcWire.Protocol.NATIVE);
        assertThat(GrpcWire.Protocol.of("Application/GRPC-Web+proto; charset=utf-8")).isEqualTo(GrpcWire.Protocol.WEB);
        assertThat(GrpcWire.Protocol.of("application/grpc-web-text")).isEqualTo(GrpcWire.Protocol.WEB_TEXT);
        assertThat(GrpcWire.Protocol.of("application/grpc+json")).isNull();
        assertThat(GrpcWire.Protocol.of("application/json")).isNull();
    }

    private static void assertBad(byte[] body, Status.Code code) {
        assertThatThrownBy(() -> GrpcWire.readSingleMessage(new ByteArrayInputStream(body), 1024))
                .isInstanceOfSatisfying(GrpcWire.BadRequest.class, e -> assertThat(e.status.getCode()).isEqualTo(code));
    }
}
