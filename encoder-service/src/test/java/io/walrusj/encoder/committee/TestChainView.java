package io.walrusj.encoder.committee;

import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.factory.Chains;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.encoder.config.EncoderConfiguration;
import io.walrusj.encoder.config.EncoderProperties;
import java.net.URI;
import java.time.Duration;

/** A {@link ChainView} of a {@link FakeSuiChain} (its Walrus ids configured) on the chain the encoder's configuration opens; close after use. */
public final class TestChainView implements AutoCloseable {
    private final Chain chain;
    private final ChainView view;

    public TestChainView(FakeSuiChain fake, ChainSettings.Transport transport) {
        EncoderProperties props = properties(fake, transport);
        chain = Chains.open(EncoderConfiguration.chainSettings(props));
        view = new ChainView(props, chain);
    }

    /**
     * The encoder's settings for {@code fake}: its gRPC URL (or JSON-RPC endpoint with the legacy
     * transport), its JSON-RPC endpoint as the devnet's, its Walrus ids, two read attempts.
     */
    public static EncoderProperties properties(FakeSuiChain fake, ChainSettings.Transport transport) {
        URI url = transport == ChainSettings.Transport.GRPC ? URI.create(fake.grpcUrl()) : fake.jsonRpcUri();
        return new EncoderProperties(url, transport, fake.jsonRpcUri(), "custom", FakeSuiChain.PACKAGE.toString(),
                FakeSuiChain.SYSTEM.toString(), FakeSuiChain.STAKING.toString(), 2, "http", Duration.ofSeconds(5),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    public Chain chain() {
        return chain;
    }

    public ChainView view() {
        return view;
    }

    @Override
    public void close() {
        view.stop();
        chain.close();
    }
}
