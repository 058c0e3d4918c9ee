package io.walrusj.chain.testing;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.grpc.proto.Bcs;
import io.walrusj.chain.grpc.proto.Checkpoint;
import io.walrusj.chain.grpc.proto.Event;
import io.walrusj.chain.grpc.proto.ExecutedTransaction;
import io.walrusj.chain.grpc.proto.GetCheckpointRequest;
import io.walrusj.chain.grpc.proto.GetCheckpointResponse;
import io.walrusj.chain.grpc.proto.GetServiceInfoResponse;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsRequest;
import io.walrusj.chain.grpc.proto.SubscribeCheckpointsResponse;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.core.crypto.SuiAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A chain of checkpoints behind {@link FakeSuiGrpc}, for followers: {@code GetServiceInfo} reports
 * the head, {@code GetCheckpoint} serves any checkpoint by sequence number, and every
 * {@code SubscribeCheckpoints} call follows a {@link Plan} (where it starts, how many frames it
 * sends, how it ends). Checkpoint 0 exists from the start (no transactions).
 */
public final class FakeSuiChain implements AutoCloseable {

    /** A package version that defined event types added by an upgrade. */
    public static final SuiAddress UPGRADE_PKG =
            SuiAddress.parse("0x0000000000000000000000000000000000000000000000000000000000abc123");
    /** Some other package with an {@code events} module of its own. */
    public static final SuiAddress FOREIGN_PKG =
            SuiAddress.parse("0x0000000000000000000000000000000000000000000000000000000000f0f0f0");

    /** How one subscription ends after its frames. */
    public enum End {
        /** Ends the call with OK (Sui never does; a server that goes away cleanly). */
        COMPLETE,
        /** Ends with UNAVAILABLE. */
        FAIL,
        /** Stays open and sends nothing more (a stalled server). */
        SILENT
    }

    /**
     * @param startAhead the first frame is checkpoint {@code head + startAhead} at subscription time
     *     (0: the latest, as Sui does; more: a server that skips ahead)
     * @param frames frames sent before ending as {@code end}
     */
    public record Plan(long startAhead, int frames, End end) {
        /** From the latest checkpoint, never ending. */
        public static final Plan LIVE = new Plan(0, Integer.MAX_VALUE, End.COMPLETE);
    }

    private final class Sub {
        final ServerCallStreamObserver<SubscribeCheckpointsResponse> out;
        final Plan plan;
        long next;
        int sent;
        boolean over;

        Sub(ServerCallStreamObserver<SubscribeCheckpointsResponse> out, Plan plan, long next) {
            this.out = out;
            this.plan = plan;
            this.next = next;
        }
    }

    private final FakeSuiGrpc grpc;
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<Sub> subs = new ArrayList<>();
    private final List<Long> fetched = new CopyOnWriteArrayList<>();
    private volatile IntFunction<Plan> plans = i -> Plan.LIVE;
    private volatile long lowestAvailable;
    private volatile long blockFrom = Long.MAX_VALUE;
    private final java.util.concurrent.CountDownLatch unblock = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger cancelledReads = new java.util.concurrent.atomic.AtomicInteger();

    public FakeSuiChain() throws IOException {
        grpc = new FakeSuiGrpc();
        checkpoints.add(Protos.checkpoint(0));
        grpc.serviceInfo = r -> GetServiceInfoResponse.newBuilder().setChainId("fake").setEpoch(3)
                .setCheckpointHeight(head()).setLowestAvailableCheckpoint(lowestAvailable).build();
        grpc.getCheckpoint = this::getCheckpoint;
        grpc.subscribe = this::subscribe;
    }

    public SuiGrpcClient client() {
        return grpc.client();
    }

    /** Subscription number {@code i} (0-based) follows {@code plans.apply(i)}. */
    public void plans(IntFunction<Plan> plans) {
        this.plans = plans;
    }

    /** What {@code GetServiceInfo} reports as the lowest available checkpoint (the fake still serves all). */
    public void lowestAvailable(long seq) {
        this.lowestAvailable = seq;
    }

    public synchronized long head() {
        return checkpoints.size() - 1;
    }

    /** Appends a checkpoint with these transactions and sends it to the live subscriptions; returns its number. */
    public synchronized long append(ExecutedTransaction... txs) {
        long seq = checkpoints.size();
        checkpoints.add(Protos.checkpoint(seq, txs));
        subs.forEach(this::pump);
        return seq;
    }

    /** Appends {@code n} checkpoints without transactions; returns the last number. */
    public synchronized long appendEmpty(int n) {
        for (int i = 0; i < n; i++) {
            append();
        }
        return head();
    }

    /** Subscriptions opened so far. */
    public int subscriptions() {
        return grpc.requests(SubscribeCheckpointsRequest.class).size();
    }

    /** {@code GetServiceInfo} calls so far. */
    public int serviceInfoCalls() {
        return grpc.requests(io.walrusj.chain.grpc.proto.GetServiceInfoRequest.class).size();
    }

    /** Sequence numbers asked with {@code GetCheckpoint}, in arrival order. */
    public List<Long> fetched() {
        return List.copyOf(fetched);
    }

    /** Subscriptions the client cancelled so far. */
    public synchronized long cancelled() {
        return subs.stream().filter(s -> s.out.isCancelled()).count();
    }

    public static ExecutedTransaction tx(String digest, Event... events) {
        return Protos.tx(digest, events);
    }

    /** An event of the original Walrus package ({@code Fixtures.PKG::events::<name>}). */
    public static Event walrus(String name) {
        return event(Fixtures.eventType(name), name);
    }

    /** A Walrus event whose type was defined by {@link #UPGRADE_PKG}. */
    public static Event upgraded(String name) {
        return event(UPGRADE_PKG + "::" + WalrusEvents.MODULE + "::" + name, name);
    }

    /** An event of {@link #FOREIGN_PKG}'s {@code events} module with a Walrus event's name and bytes. */
    public static Event foreign(String name) {
        return event(FOREIGN_PKG + "::" + WalrusEvents.MODULE + "::" + name, name);
    }

    private static Event event(String type, String name) {
        return Protos.event(name).toBuilder().setEventType(type)
                .setContents(Bcs.newBuilder().setName(name).setValue(ByteString.copyFrom(Fixtures.eventBcs().get(name))))
                .build();
    }

    /** {@code GetCheckpoint} of {@code seq} or later waits until the client cancels it (counted) or {@link #unblock()}. */
    public void blockReadsFrom(long seq) {
        blockFrom = seq;
    }

    public void unblock() {
        unblock.countDown();
    }

    /** Blocked {@code GetCheckpoint} calls the client cancelled. */
    public int cancelledReads() {
        return cancelledReads.get();
    }

    private GetCheckpointResponse getCheckpoint(GetCheckpointRequest r) {
        long seq = r.hasSequenceNumber() ? r.getSequenceNumber() : head();
        fetched.add(seq);
        while (seq >= blockFrom && unblock.getCount() > 0) {
            if (io.grpc.Context.current().isCancelled()) {
                cancelledReads.incrementAndGet();
                throw Status.CANCELLED.asRuntimeException();
            }
            try {
                unblock.await(5, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw Status.CANCELLED.asRuntimeException();
            }
        }
        return checkpointResponse(seq);
    }

    private synchronized GetCheckpointResponse checkpointResponse(long seq) {
        if (seq > head()) {
            throw Status.NOT_FOUND.withDescription("checkpoint " + seq + " not found").asRuntimeException();
        }
        return GetCheckpointResponse.newBuilder().setCheckpoint(checkpoints.get((int) seq)).build();
    }

    private synchronized void subscribe(SubscribeCheckpointsRequest r,
            ServerCallStreamObserver<SubscribeCheckpointsResponse> out) {
        Plan plan = plans.apply(subs.size());
        Sub s = new Sub(out, plan, head() + plan.startAhead());
        subs.add(s);
        pump(s);
    }

    private void pump(Sub s) {
        try {
            while (!s.over && !s.out.isCancelled() && s.sent < s.plan.frames() && s.next <= head()) {
                Checkpoint c = checkpoints.get((int) s.next);
                s.out.onNext(SubscribeCheckpointsResponse.newBuilder().setCursor(s.next).setCheckpoint(c).build());
                s.next++;
                s.sent++;
            }
            if (!s.over && s.sent >= s.plan.frames()) {
                s.over = true;
                switch (s.plan.end()) {
                    case COMPLETE -> s.out.onCompleted();
                    case FAIL -> s.out.onError(Status.UNAVAILABLE.withDescription("going away").asRuntimeException());
                    case SILENT -> { }
                }
            }
        } catch (RuntimeException e) {
            s.over = true; // cancelled by the client meanwhile
        }
    }

    @Override
    public void close() {
        unblock();
        grpc.close();
    }
}
