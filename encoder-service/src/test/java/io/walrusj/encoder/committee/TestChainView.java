package io.walrusj.encoder.committee;

import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.encoder.config.EncoderProperties;
import java.net.URI;
import java.time.Duration;

/** A {@link ChainView} of a {@link FakeSuiChain} (its Walrus ids configured), with the clients it needs; close after use. */
public final class TestChainView implements AutoCloseable {
    private final SuiRpcClient rpc;
    private final SuiGrpcClient grpc;
    private final ChainView view;

    public TestChainView(FakeSuiChain chain, EncoderProperties.Transport transport) {
        EncoderProperties props = properties(chain, transport);
        rpc = SuiRpcClient.builder(props.suiRpcUrl()).build();
        grpc = SuiGrpcClient.builder(props.effectiveGrpcUrl().toString()).callTimeout(Duration.ofSeconds(5)).build();
        view = new ChainView(props, rpc, grpc);
    }

    /** The encoder's settings for {@code chain}: its JSON-RPC and gRPC URLs and Walrus ids. */
    public static EncoderProperties properties(FakeSuiChain chain, EncoderProperties.Transport transport) {
        return new EncoderProperties(chain.jsonRpcUri(), URI.create(chain.grpcUrl()), transport,
                FakeSuiChain.PACKAGE.toString(), FakeSuiChain.SYSTEM.toString(), FakeSuiChain.STAKING.toString(), "http",
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public ChainView view() {
        return view;
    }

    @Override
    public void close() {
        view.stop();
        grpc.close();
        rpc.close();
    }
}
