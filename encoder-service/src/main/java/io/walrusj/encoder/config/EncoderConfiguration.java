package io.walrusj.encoder.config;

import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.nodeclient.StorageNodeClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clients shared by the publisher and the aggregator. */
@Configuration(proxyBeanMethods = false)
public class EncoderConfiguration {

    @Bean(destroyMethod = "close")
    SuiRpcClient suiRpcClient(EncoderProperties props) {
        return SuiRpcClient.builder(props.suiRpcUrl()).connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30)).build();
    }

    @Bean(destroyMethod = "close")
    SuiGrpcClient suiGrpcClient(EncoderProperties props) {
        return SuiGrpcClient.builder(props.effectiveGrpcUrl().toString()).callTimeout(Duration.ofSeconds(30)).build();
    }

    @Bean(destroyMethod = "close")
    StorageNodeClient storageNodeClient(EncoderProperties props) {
        return new StorageNodeClient(props.nodeConnectTimeout(), props.nodeRequestTimeout());
    }
}
