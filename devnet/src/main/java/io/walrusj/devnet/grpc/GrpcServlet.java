package io.walrusj.devnet.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gRPC and gRPC-Web on the devnet's Tomcat, at {@code POST /<service>/<method>} next to the JSON-RPC
 * endpoint: one servlet reads the single framed request message (unary and server-streaming methods
 * only), forwards it over an in-process channel to the service implementations, and writes each
 * response message as a frame. The status goes into HTTP/2 trailers for native gRPC
 * ({@code application/grpc}, HTTP/2 with prior knowledge) and into the trailer frame (flag 0x80) for
 * gRPC-Web ({@code application/grpc-web[+proto]}, any HTTP version; {@code -text} = the same bytes
 * Base64-encoded). The response is asynchronous: the servlet thread is released while a stream runs,
 * and a client that goes away cancels the call.
 */
final class GrpcServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(GrpcServlet.class);

    private final Channel channel;
    private final Map<String, MethodDescriptor<?, ?>> methods;
    private final int maxInboundMessageBytes;

    GrpcServlet(Channel channel, Map<String, MethodDescriptor<?, ?>> methods, int maxInboundMessageBytes) {
        this.channel = channel;
        this.methods = Map.copyOf(methods);
        this.maxInboundMessageBytes = maxInboundMessageBytes;
    }

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        // CORS preflight of a browser's gRPC-Web call.
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        cors(response);
        response.setHeader("Access-Control-Allow-Methods", "POST, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "content-type, x-grpc-web, x-user-agent, grpc-timeout");
        response.setHeader("Access-Control-Max-Age", "86400");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GrpcWire.Protocol protocol = GrpcWire.Protocol.of(request.getContentType());
        if (protocol == null) {
            response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "not a gRPC content type");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(protocol.responseContentType);
        response.setHeader("grpc-accept-encoding", "identity");
        Answer answer = new Answer(protocol, response);
        if (protocol == GrpcWire.Protocol.NATIVE) {
            response.setTrailerFields(answer::trailers);
        } else {
            cors(response);
            response.setHeader("Access-Control-Expose-Headers", "grpc-status, grpc-message, grpc-status-details-bin");
        }
        MethodDescriptor<?, ?> method = methods.get(request.getRequestURI().substring(1));
        if (method == null) {
            answer.close(Status.UNIMPLEMENTED.withDescription("unknown method " + GrpcStatuses.echo(request.getRequestURI())), null);
            return;
        }
        answer.streaming = method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING;
        byte[] message;
        try {
            InputStream body = protocol == GrpcWire.Protocol.WEB_TEXT
                    ? Base64.getMimeDecoder().wrap(request.getInputStream()) : request.getInputStream();
            message = GrpcWire.readSingleMessage(body, maxInboundMessageBytes);
        } catch (GrpcWire.BadRequest e) {
            answer.close(e.status, null);
            return;
        } catch (IllegalArgumentException e) {
            answer.close(Status.INVALID_ARGUMENT.withDescription("the grpc-web-text body is not Base64"), null);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        answer.async = async;
        call(method, message, timeoutNanos(request), answer);
    }

    private static long timeoutNanos(HttpServletRequest request) {
        return GrpcWire.timeoutNanos(request.getHeader("grpc-timeout"));
    }

    private <Q, R> void call(MethodDescriptor<Q, R> method, byte[] message, long timeoutNanos, Answer answer) {
        Q parsed;
        try {
            parsed = method.parseRequest(new ByteArrayInputStream(message));
        } catch (RuntimeException e) {
            answer.close(Status.INVALID_ARGUMENT.withDescription("the request is not a valid " + method.getFullMethodName()
                    + " request message"), null);
            return;
        }
        if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
            // Send the headers now: a stream may be quiet for long, and HTTP clients wait for them.
            try {
                answer.response.flushBuffer();
            } catch (IOException e) {
                answer.close(Status.CANCELLED.withDescription("the client went away"), null);
                return;
            }
        }
        CallOptions options = timeoutNanos >= 0 ? CallOptions.DEFAULT.withDeadlineAfter(timeoutNanos, TimeUnit.NANOSECONDS)
                : CallOptions.DEFAULT;
        ClientCall<Q, R> call = channel.newCall(method, options);
        answer.async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                call.cancel("HTTP request timed out", null);
            }

            @Override
            public void onError(AsyncEvent event) {
                call.cancel("the client went away", event.getThrowable());
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        boolean streaming = answer.streaming;
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(R response) {
                try {
                    answer.message(method.getResponseMarshaller(), response, streaming);
                    call.request(1);
                } catch (IOException | RuntimeException e) {
                    log.debug("writing a response of {} failed; cancelling the call: {}", method.getFullMethodName(), e.toString());
                    call.cancel("the client went away", e);
                }
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                answer.close(status, trailers);
            }
        }, new Metadata());
        call.request(1);
        call.sendMessage(parsed);
        call.halfClose();
    }

    private static void cors(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    }

    /** The response side of one call: frames, then the status as trailers (native) or a trailer frame (web). */
    private static final class Answer {
        private final GrpcWire.Protocol protocol;
        private final HttpServletResponse response;
        private final AtomicReference<Map<String, String>> trailers = new AtomicReference<>();
        private volatile AsyncContext async;
        /** Whether the method streams its answers (each frame is flushed; -text: each Base64-encoded on its own). */
        private volatile boolean streaming;
        /** grpc-web-text unary answers: the bytes, Base64-encoded as one piece at the end (no padding mid-body). */
        private final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();

        Answer(GrpcWire.Protocol protocol, HttpServletResponse response) {
            this.protocol = protocol;
            this.response = response;
        }

        Map<String, String> trailers() {
            Map<String, String> t = trailers.get();
            return t != null ? t : GrpcWire.trailers(Status.CANCELLED.withDescription("the call did not finish"), null);
        }

        <R> void message(MethodDescriptor.Marshaller<R> marshaller, R message, boolean flush) throws IOException {
            byte[] bytes;
            try (InputStream in = marshaller.stream(message)) {
                bytes = in.readAllBytes();
            }
            write(GrpcWire.frame((byte) 0, bytes));
            if (flush) {
                response.flushBuffer();
            }
        }

        void close(Status status, Metadata metadata) {
            if (!trailers.compareAndSet(null, GrpcWire.trailers(status, metadata))) {
                return;
            }
            try {
                if (protocol != GrpcWire.Protocol.NATIVE) {
                    write(GrpcWire.frame(GrpcWire.TRAILER_FLAG, GrpcWire.trailerBlock(trailers.get())));
                }
                if (protocol == GrpcWire.Protocol.WEB_TEXT && !streaming) {
                    response.getOutputStream().write(Base64.getEncoder().encode(text.toByteArray()));
                }
            } catch (IOException | RuntimeException e) {
                log.debug("writing the status failed (the client went away?): {}", e.toString());
            } finally {
                AsyncContext a = async;
                if (a != null) {
                    try {
                        a.complete();
                    } catch (IllegalStateException e) {
                        // already completed by an error
                    }
                }
            }
        }

        private void write(byte[] bytes) throws IOException {
            if (protocol == GrpcWire.Protocol.WEB_TEXT && !streaming) {
                text.writeBytes(bytes);
                return;
            }
            OutputStream out = response.getOutputStream();
            out.write(protocol == GrpcWire.Protocol.WEB_TEXT ? Base64.getEncoder().encode(bytes) : bytes);
        }
    }
}
