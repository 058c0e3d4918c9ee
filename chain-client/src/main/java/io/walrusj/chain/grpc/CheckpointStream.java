package io.walrusj.chain.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.grpc.proto.SubscriptionServiceGrpc;
import io.walrusj.chain.rpc.SuiTransportException;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code SubscribeCheckpoints} call: checkpoints as the server executes them, starting
 * at its latest one. Pull-based with flow control: one message is requested from the server at a
 * time, so a slow consumer slows the stream (HTTP/2 flow control) instead of buffering without bound.
 *
 * <p>Sui's subscriptions never end successfully and cannot be resumed: a failure (thrown by
 * {@link #poll} / {@link #hasNext}, mapped like the unary calls) or a server-side end
 * ({@link #isFinished()} with no error) means: open a new subscription and fill the gap with
 * {@code GetCheckpoint}. Frames without a checkpoint (progress-only) are skipped, but advance
 * {@link #cursor()}. {@link #close()} cancels the call; it may be called from any thread, also while
 * another thread waits in {@link #poll}, which then returns empty.
 *
 * <p>Not for concurrent consumers: one thread polls.
 */
public final class CheckpointStream implements Iterator<CheckpointData>, AutoCloseable {

    private record End(Status status, Metadata trailers) {
    }

    private final String method;
    private final ClientCall<SubscribeCheckpointsRequest, SubscribeCheckpointsResponse> call;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private volatile boolean closed;
    private boolean finished;
    private CheckpointData peeked;
    private long cursor = -1;

    private CheckpointStream(String method, ClientCall<SubscribeCheckpointsRequest, SubscribeCheckpointsResponse> call) {
        this.method = method;
        this.call = call;
    }

    static CheckpointStream start(String method, Channel channel, CallOptions options, SubscribeCheckpointsRequest request) {
        CheckpointStream s = new CheckpointStream(method,
                channel.newCall(SubscriptionServiceGrpc.getSubscribeCheckpointsMethod(), options));
        synchronized (s.lock) {
            s.call.start(new ClientCall.Listener<>() {
                @Override
                public void onMessage(SubscribeCheckpointsResponse message) {
                    s.queue.add(message);
                }

                @Override
                public void onClose(Status status, Metadata trailers) {
                    s.queue.add(new End(status, trailers));
                }
            }, new Metadata());
            s.call.sendMessage(request);
            s.call.halfClose();
            s.call.request(1);
        }
        return s;
    }

    /**
     * The next checkpoint, waiting at most {@code timeout}. Empty if none arrived in time (a quiet or
     * lagging server), or if the stream is over ({@link #isFinished()}).
     *
     * @throws io.walrusj.chain.rpc.SuiClientException if the call failed (mapped like unary calls),
     *     a frame lacks what Sui always sends, or the waiting thread was interrupted (the stream is
     *     then cancelled and the interrupt flag set again)
     */
    public Optional<CheckpointData> poll(Duration timeout) {
        if (peeked != null) {
            CheckpointData c = peeked;
            peeked = null;
            return Optional.of(c);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!finished) {
            if (closed) {
                finished = true;
                break;
            }
            Object item;
            try {
                item = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                close();
                Thread.currentThread().interrupt();
                throw new SuiTransportException(method, "interrupted", e, Status.Code.CANCELLED);
            }
            if (item == null) {
                return Optional.empty();
            }
            if (item instanceof End end) {
                finished = true;
                if (end.status().isOk() || closed) {
                    break;
                }
                throw GrpcErrors.map(method, end.status().asRuntimeException(end.trailers()));
            }
            SubscribeCheckpointsResponse r = (SubscribeCheckpointsResponse) item;
            synchronized (lock) {
                call.request(1);
            }
            if (r.hasCursor()) {
                cursor = r.getCursor();
            }
            if (r.hasCheckpoint()) {
                CheckpointData c = GrpcMapping.checkpoint(method, r.getCheckpoint());
                cursor = Math.max(cursor, c.sequenceNumber());
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Blocks until a checkpoint arrives ({@code true}) or the stream is over ({@code false}); throws like {@link #poll}. */
    @Override
    public boolean hasNext() {
        while (peeked == null && !finished) {
            peeked = poll(Duration.ofDays(1)).orElse(null);
        }
        return peeked != null;
    }

    @Override
    public CheckpointData next() {
        if (!hasNext()) {
            throw new NoSuchElementException("checkpoint stream is over");
        }
        CheckpointData c = peeked;
        peeked = null;
        return c;
    }

    /** Whether the stream is over: ended by the server without error, failed (already thrown) or closed. */
    public boolean isFinished() {
        return finished && peeked == null;
    }

    /** The highest checkpoint the server says the stream has covered, empty before the first frame. */
    public OptionalLong cursor() {
        return cursor < 0 ? OptionalLong.empty() : OptionalLong.of(cursor);
    }

    /** Cancels the call (idempotent); a waiting {@link #poll} returns empty. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (lock) {
            call.cancel("closed by the client", null);
        }
    }
}
