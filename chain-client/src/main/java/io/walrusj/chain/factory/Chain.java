package io.walrusj.chain.factory;

import io.walrusj.chain.ChainReader;
import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.GrpcObjectSource;
import io.walrusj.chain.JsonRpcObjectSource;
import io.walrusj.chain.ObjectSource;
import io.walrusj.chain.WalrusChainReader;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.devnet.DevnetChainWriter;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.follow.FollowOptions;
import io.walrusj.chain.follow.Followers;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.Ed25519KeyPair;
import java.net.URI;

/**
 * A service's chain, made by {@link Chains#open}: the {@link ChainReader} (every read through the
 * settings' {@link RetryPolicy}), Walrus event {@linkplain #follow followers}, and
 * {@linkplain #writer writers}, over the transport of the settings. Owns its clients: close it
 * when the service stops (followers are stopped by their owners first).
 *
 * <p>The Walrus network is resolved on first use (retried like a read), so a service may start
 * before the devnet answers.
 */
public final class Chain implements AutoCloseable {

    private final ChainSettings settings;
    private final SuiGrpcClient grpc;
    private final SuiRpcClient rpc;
    private final SuiRpcClient devnetRpc;
    private final ChainReader reader;
    private volatile WalrusNetwork network;
    private volatile ChainReader direct;

    Chain(ChainSettings settings) {
        this.settings = settings;
        if (settings.transport() == ChainSettings.Transport.GRPC) {
            grpc = SuiGrpcClient.builder(grpcBase(settings.rpcUrl())).connectTimeout(settings.connectTimeout())
                    .callTimeout(settings.requestTimeout()).build();
            rpc = null;
        } else {
            grpc = null;
            rpc = jsonRpc(settings.rpcUrl());
        }
        devnetRpc = rpc != null && settings.devnetEndpoint().equals(settings.rpcUrl()) ? rpc : jsonRpc(settings.devnetEndpoint());
        reader = new RetryingChainReader(this::directReader, settings.retry());
    }

    public ChainSettings settings() {
        return settings;
    }

    /** The resolved Walrus network (resolved on first call, transport failures retried). */
    public WalrusNetwork network() {
        WalrusNetwork n = network;
        return n != null ? n : settings.retry().call(this::resolvedNetwork);
    }

    /** One attempt at resolving the network; the callers own the retrying (one policy, not nested). */
    private WalrusNetwork resolvedNetwork() {
        WalrusNetwork n = network;
        if (n == null) {
            n = WalrusNetwork.resolve(settings.network(), settings.packageId(), settings.systemObjectId(),
                    settings.stakingObjectId(), () -> devnetRpc);
            network = n;
        }
        return n;
    }

    /** The Walrus reads, retried by the settings' policy. */
    public ChainReader reader() {
        return reader;
    }

    /**
     * Follows the Walrus events from the stored cursor with {@code FollowOptions.DEFAULT} and the
     * settings' backoff: the gRPC checkpoint follower, or the legacy event-query follower.
     */
    public WalrusFollower follow(WalrusFollower.CursorStore cursors, WalrusFollower.Handler handler) {
        return follow(cursors, handler, FollowOptions.DEFAULT.withBackoff(settings.retry().backoff()));
    }

    public WalrusFollower follow(WalrusFollower.CursorStore cursors, WalrusFollower.Handler handler, FollowOptions options) {
        return grpc != null ? Followers.checkpoints(grpc, network(), cursors, handler, options)
                : Followers.eventQueries(rpc, network(), cursors, handler, options);
    }

    /**
     * A writer signing with {@code key}: today the devnet's transactions ({@link DevnetChainWriter}
     * at {@link ChainSettings#devnetEndpoint()}); the Sui transaction writer comes with the next issue.
     */
    public ChainWriter writer(Ed25519KeyPair key) {
        return new DevnetChainWriter(new DevnetClient(devnetRpc), key);
    }

    private ChainReader directReader() {
        ChainReader r = direct;
        if (r == null) {
            ObjectSource source = grpc != null ? new GrpcObjectSource(grpc) : new JsonRpcObjectSource(rpc);
            r = new WalrusChainReader(source, resolvedNetwork()); // inside the retrying reader: no second retry loop
            direct = r;
        }
        return r;
    }

    private SuiRpcClient jsonRpc(URI url) {
        return SuiRpcClient.builder(url).connectTimeout(settings.connectTimeout())
                .requestTimeout(settings.requestTimeout()).build();
    }

    /** gRPC wants {@code scheme://host:port} without a path. */
    private static String grpcBase(URI url) {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public void close() {
        if (grpc != null) {
            grpc.close();
        }
        if (rpc != null) {
            rpc.close();
        }
        if (devnetRpc != rpc) {
            devnetRpc.close();
        }
    }
}
