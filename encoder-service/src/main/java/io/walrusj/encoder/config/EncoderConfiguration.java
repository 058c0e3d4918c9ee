package io.walrusj.encoder.config;

import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.factory.Chains;
import io.walrusj.chain.factory.RetryPolicy;
import io.walrusj.nodeclient.StorageNodeClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clients shared by the publisher and the aggregator. */
@Configuration(proxyBeanMethods = false)
public class EncoderConfiguration {

    /** The chain (reader, follower, writers) from chain-client's factory; nothing is read until first use. */
    @Bean(destroyMethod = "close")
    Chain chain(EncoderProperties props) {
        return Chains.open(chainSettings(props));
    }

    /** What the factory is told: network and ids, URL and transport, 5 s connect, 30 s calls, the read attempts. */
    public static ChainSettings chainSettings(EncoderProperties props) {
        return new ChainSettings(props.network(), props.packageId(), props.systemObjectId(), props.stakingObjectId(),
                props.suiRpcUrl(), props.chainTransport(), props.devnetUrl(), Duration.ofSeconds(5), Duration.ofSeconds(30),
                new RetryPolicy(RetryPolicy.DEFAULT.backoff(), props.chainReadAttempts()));
    }

    @Bean(destroyMethod = "close")
    StorageNodeClient storageNodeClient(EncoderProperties props) {
        return new StorageNodeClient(props.nodeConnectTimeout(), props.nodeRequestTimeout());
    }
}
