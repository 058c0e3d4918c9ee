package io.walrusj.devnet.grpc;

import com.google.rpc.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.grpc.proto.SubscriptionServiceGrpc;
import io.walrusj.devnet.ledger.CommittedTransaction;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sui's {@code SubscribeCheckpoints}: every checkpoint committed after the subscription started,
 * in order and without gaps (one frame each, {@code cursor} = its sequence number), until the client
 * cancels. Built from the committed transaction in memory, cut to the read mask. Each subscriber has
 * a bounded queue and a virtual thread that sends as fast as the client reads (gRPC flow control);
 * one that falls {@code buffer} checkpoints behind is ended with {@code ABORTED} (resubscribe and
 * backfill with GetCheckpoint), and at most {@code maxSubscribers} run at once ({@code RESOURCE_EXHAUSTED}).
 */
final class SubscriptionGrpcService extends SubscriptionServiceGrpc.SubscriptionServiceImplBase {
    private static final CommittedTransaction LAGGED = new CommittedTransaction(null, null, List.of(), List.of(), List.of());

    private final int maxSubscribers;
    private final int buffer;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    /** Feed it with {@link #committed} (a {@link io.walrusj.devnet.ledger.Ledger} commit listener). */
    SubscriptionGrpcService(int maxSubscribers, int buffer) {
        this.maxSubscribers = maxSubscribers;
        this.buffer = buffer;
    }

    private volatile boolean closing;

    /** Ends every subscription with {@code UNAVAILABLE} (the devnet is stopping) and refuses new ones. */
    void shutdown() {
        closing = true;
        for (Subscriber s : subscribers) {
            Thread t = s.thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    /** Subscriptions currently open. */
    int subscriberCount() {
        return subscribers.size();
    }

    /** A newly committed checkpoint, in commit order; never blocks. */
    void committed(CommittedTransaction committed) {
        for (Subscriber s : subscribers) {
            s.offer(committed);
        }
    }

    @Override
    public void subscribeCheckpoints(SubscribeCheckpointsRequest request, StreamObserver<SubscribeCheckpointsResponse> observer) {
        ReadMask mask = LedgerGrpcService.checkpointMask(request.hasReadMask(), request.getReadMask());
        ServerCallStreamObserver<SubscribeCheckpointsResponse> out = (ServerCallStreamObserver<SubscribeCheckpointsResponse>) observer;
        Subscriber s = new Subscriber(mask, out);
        synchronized (subscribers) {
            if (closing) {
                throw GrpcStatuses.status(Code.UNAVAILABLE, "the devnet is shutting down");
            }
            if (subscribers.size() >= maxSubscribers) {
                throw GrpcStatuses.status(Code.RESOURCE_EXHAUSTED, "at most " + maxSubscribers + " checkpoint subscriptions at once");
            }
            subscribers.add(s);
        }
        out.setOnCancelHandler(s::stop);
        out.setOnReadyHandler(s::ready);
        // assigned before it starts, so a cancel at any time finds the thread to interrupt
        Thread pump = Thread.ofVirtual().name("grpc-checkpoint-subscriber").unstarted(s::pump);
        s.thread = pump;
        pump.start();
    }

    private final class Subscriber {
        private final ReadMask mask;
        private final ServerCallStreamObserver<SubscribeCheckpointsResponse> out;
        private final BlockingQueue<CommittedTransaction> queue = new ArrayBlockingQueue<>(buffer + 1);
        private final Object readiness = new Object();
        private volatile Thread thread;
        private volatile boolean stopped;

        Subscriber(ReadMask mask, ServerCallStreamObserver<SubscribeCheckpointsResponse> out) {
            this.mask = mask;
            this.out = out;
        }

        /** Called under the ledger's lock: never blocks. */
        void offer(CommittedTransaction c) {
            if (queue.remainingCapacity() <= 1) {
                queue.clear();
                queue.offer(LAGGED);
            } else {
                queue.offer(c);
            }
        }

        void ready() {
            synchronized (readiness) {
                readiness.notifyAll();
            }
        }

        void stop() {
            stopped = true;
            subscribers.remove(this);
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        void pump() {
            try {
                while (!stopped) {
                    // bounded wait: a stop that raced the thread's start is seen within a second
                    CommittedTransaction c = queue.poll(1, TimeUnit.SECONDS);
                    if (c == null) {
                        continue;
                    }
                    if (c == LAGGED) {
                        out.onError(GrpcStatuses.status(Code.ABORTED, "subscriber fell more than " + buffer
                                + " checkpoints behind; subscribe again and backfill with GetCheckpoint"));
                        return;
                    }
                    synchronized (readiness) {
                        while (!out.isReady() && !stopped) {
                            readiness.wait(1000);
                        }
                    }
                    if (stopped) {
                        return;
                    }
                    out.onNext(frame(c));
                }
            } catch (InterruptedException | StatusRuntimeException e) {
                // cancelled by the client, or the devnet is stopping
                if (closing && !stopped) {
                    try {
                        out.onError(GrpcStatuses.status(Code.UNAVAILABLE, "the devnet is shutting down"));
                    } catch (RuntimeException ignored) {
                        // the call ended meanwhile
                    }
                }
            } finally {
                stopped = true;
                subscribers.remove(this);
            }
        }

        private SubscribeCheckpointsResponse frame(CommittedTransaction c) {
            List<SuiProtos.TxWithEvents> txs = mask.includes("transactions")
                    ? List.of(new SuiProtos.TxWithEvents(c.transaction(), c.events())) : List.of();
            return SubscribeCheckpointsResponse.newBuilder()
                    .setCursor(c.checkpoint().sequenceNumber())
                    .setCheckpoint(mask.apply(SuiProtos.checkpoint(c.checkpoint(), txs, LedgerGrpcService.eventJson(mask.child("transactions")))))
                    .build();
        }
    }
}
