package io.walrusj.chain.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.walrusj.chain.rpc.SuiClientException;
import io.walrusj.chain.rpc.SuiGrpcException;
import io.walrusj.chain.rpc.SuiProtocolException;
import io.walrusj.chain.rpc.SuiTransportException;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;

/** Maps gRPC statuses to chain-client's exceptions, and checks fields Sui always sets. */
final class GrpcErrors {

    private GrpcErrors() {
    }

    /** Whether a status is a transport failure (worth a retry, {@link SuiTransportException}). */
    static boolean isTransport(Status.Code code) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, ABORTED -> true;
            default -> false;
        };
    }

    /** The exception for a failed call of {@code method} ({@code Service/Method}). */
    static SuiClientException map(String method, Throwable t) {
        if (t instanceof SuiClientException e) {
            return e;
        }
        Status status = Status.fromThrowable(t);
        Status.Code code = status.getCode();
        String description = status.getDescription();
        if (isTransport(code)) {
            if (code == Status.Code.CANCELLED && Thread.currentThread().isInterrupted()) {
                description = "interrupted" + (description == null ? "" : ": " + description);
            }
            return new SuiTransportException(method, "gRPC status " + code
                    + (description == null ? "" : ": " + description), t, code);
        }
        return new SuiGrpcException(method, code, description, reason(t), t);
    }

    /** {@code google.rpc.ErrorInfo.reason}, else the first {@code BadRequest} violation's reason or field. */
    private static String reason(Throwable t) {
        com.google.rpc.Status details;
        try {
            details = StatusProto.fromThrowable(t);
        } catch (RuntimeException e) {
            return null; // malformed grpc-status-details-bin: the code and description still stand
        }
        if (details == null) {
            return null;
        }
        try {
            for (Any any : details.getDetailsList()) {
                if (any.is(ErrorInfo.class)) {
                    String r = any.unpack(ErrorInfo.class).getReason();
                    if (!r.isEmpty()) {
                        return r;
                    }
                } else if (any.is(BadRequest.class)) {
                    for (BadRequest.FieldViolation v : any.unpack(BadRequest.class).getFieldViolationsList()) {
                        return v.getReason().isEmpty() ? v.getField() : v.getReason() + " " + v.getField();
                    }
                }
            }
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
        return null;
    }

    static SuiProtocolException missing(String method, String what) {
        return new SuiProtocolException(method, "response lacks " + what);
    }

    static SuiAddress address(String method, String text, String what) {
        if (text == null || text.isEmpty()) {
            throw missing(method, what);
        }
        try {
            return SuiAddress.parseLenient(text);
        } catch (CryptoException e) {
            throw new SuiProtocolException(method, "malformed address at " + what + ": " + e.getMessage(), e);
        }
    }

    static String required(String method, boolean present, String value, String what) {
        if (!present || value.isEmpty()) {
            throw missing(method, what);
        }
        return value;
    }
}
