package io.walrusj.devnet.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;

/**
 * The statuses the devnet's gRPC services answer with, shaped like Sui's: a bad field is
 * {@code INVALID_ARGUMENT} with a {@code google.rpc.BadRequest} field violation whose reason is
 * {@code FIELD_INVALID} or {@code FIELD_MISSING} (Sui's {@code ErrorReason}).
 */
final class GrpcStatuses {
    /** Longest client text quoted back in a message. */
    private static final int MAX_ECHO = 100;

    private GrpcStatuses() {
    }

    static StatusRuntimeException invalid(String field, String description) {
        return badRequest(field, description, "FIELD_INVALID");
    }

    static StatusRuntimeException missing(String field) {
        return badRequest(field, "missing " + field, "FIELD_MISSING");
    }

    static StatusRuntimeException notFound(String description) {
        return status(Code.NOT_FOUND, description);
    }

    static StatusRuntimeException status(Code code, String description) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber()).setMessage(description).build());
    }

    private static StatusRuntimeException badRequest(String field, String description, String reason) {
        BadRequest detail = BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                .setField(field).setDescription(description).setReason(reason)).build();
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT.getNumber()).setMessage(description).addDetails(Any.pack(detail)).build());
    }

    /** A required address or object id field (Sui accepts short forms such as {@code 0x2}). */
    static SuiAddress address(boolean present, String text, String field) {
        if (!present || text.isEmpty()) {
            throw missing(field);
        }
        try {
            return SuiAddress.parseLenient(text);
        } catch (CryptoException | IllegalArgumentException e) {
            throw invalid(field, "invalid " + field + " '" + echo(text) + "'");
        }
    }

    /** A required Base58 32-byte digest field. */
    static byte[] digest(boolean present, String text, String field) {
        if (!present || text.isEmpty()) {
            throw missing(field);
        }
        try {
            return Base58.decode(text, 32);
        } catch (CryptoException | IllegalArgumentException e) {
            throw invalid(field, "invalid " + field + " '" + echo(text) + "'");
        }
    }

    static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO - 3) + "...";
    }
}
