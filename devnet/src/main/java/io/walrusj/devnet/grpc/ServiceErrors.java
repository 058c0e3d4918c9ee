package io.walrusj.devnet.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * What a service method throws becomes the call's status, never a stack trace for the client: a
 * {@link StatusRuntimeException} its own status and trailers (error details), a database failure
 * {@code UNAVAILABLE} (retryable), anything else {@code INTERNAL} with a fixed message (the
 * exception is logged here).
 */
final class ServiceErrors implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(ServiceErrors.class);

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        ServerCall.Listener<Q> delegate;
        try {
            delegate = next.startCall(call, headers);
        } catch (RuntimeException e) {
            close(call, e);
            return new ServerCall.Listener<>() { };
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
            @Override
            public void onMessage(Q message) {
                try {
                    super.onMessage(message);
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }

            @Override
            public void onHalfClose() {
                try {
                    super.onHalfClose();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }

            @Override
            public void onReady() {
                try {
                    super.onReady();
                } catch (RuntimeException e) {
                    close(call, e);
                }
            }
        };
    }

    private static void close(ServerCall<?, ?> call, RuntimeException e) {
        Status status;
        Metadata trailers = new Metadata();
        if (e instanceof StatusRuntimeException sre) {
            status = sre.getStatus();
            if (sre.getTrailers() != null) {
                trailers = sre.getTrailers();
            }
        } else if (e instanceof DataAccessException) {
            log.warn("{}: the ledger database failed: {}", call.getMethodDescriptor().getFullMethodName(), e.toString());
            status = Status.UNAVAILABLE.withDescription("the ledger database is unavailable; retry");
        } else {
            log.error("{} failed", call.getMethodDescriptor().getFullMethodName(), e);
            status = Status.INTERNAL.withDescription("internal error");
        }
        try {
            call.close(status, trailers);
        } catch (IllegalStateException alreadyClosed) {
            log.debug("{}: the call was already closed", call.getMethodDescriptor().getFullMethodName());
        }
    }
}
