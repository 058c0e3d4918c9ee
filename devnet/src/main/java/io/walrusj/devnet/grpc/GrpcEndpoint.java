package io.walrusj.devnet.grpc;

import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.walrusj.devnet.ledger.Ledger;
import io.walrusj.devnet.ledger.LedgerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The devnet's Sui gRPC services (LedgerService, StateService, SubscriptionService) on an in-process
 * gRPC server, and the in-process channel {@link GrpcServlet} forwards HTTP calls over. Services run
 * on virtual threads; what they throw becomes a status ({@link ServiceErrors}). On
 * stop (before the web server's graceful shutdown, which would otherwise wait for endless streams)
 * subscriptions end with {@code UNAVAILABLE} and new calls are refused.
 */
@Component
public class GrpcEndpoint implements SmartLifecycle, AutoCloseable {
    private final SubscriptionGrpcService subscriptions;
    private final Server server;
    private final ManagedChannel channel;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, MethodDescriptor<?, ?>> methods = new HashMap<>();

    public GrpcEndpoint(Ledger ledger, LedgerStore store, GrpcProperties properties) {
        this.subscriptions = new SubscriptionGrpcService(properties.maxSubscriptions(), properties.subscriberBuffer());
        ledger.addCommitListener(subscriptions::committed);
        List<ServerServiceDefinition> services = List.of(new LedgerGrpcService(ledger, store).bindService(),
                new StateGrpcService(ledger, store).bindService(), subscriptions.bindService());
        String name = "walrusj-devnet-grpc-" + UUID.randomUUID();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(name).executor(executor)
                .maxInboundMessageSize((int) properties.maxInboundMessageSize().toBytes());
        for (ServerServiceDefinition service : services) {
            builder.addService(ServerInterceptors.intercept(service, new ServiceErrors()));
            service.getMethods().forEach(m -> methods.put(m.getMethodDescriptor().getFullMethodName(), m.getMethodDescriptor()));
        }
        try {
            this.server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.channel = InProcessChannelBuilder.forName(name).executor(executor).build();
    }

    /** The servlet serving gRPC and gRPC-Web for these services. */
    GrpcServlet servlet(int maxInboundMessageBytes) {
        return new GrpcServlet(channel, methods, maxInboundMessageBytes);
    }

    /** Full names of the services served, e.g. {@code sui.rpc.v2.LedgerService}. */
    List<String> serviceNames() {
        return server.getServices().stream().map(s -> s.getServiceDescriptor().getName()).toList();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        subscriptions.shutdown();
        server.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server (lower phases stop later), so its graceful shutdown is not held up by streams. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** {@code SubscribeCheckpoints} streams currently open. */
    public int subscriptionCount() {
        return subscriptions.subscriberCount();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
        executor.shutdownNow();
    }
}
