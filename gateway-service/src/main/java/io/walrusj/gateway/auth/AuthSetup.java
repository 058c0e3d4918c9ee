package io.walrusj.gateway.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.walrusj.gateway.WalrusGatewayProperties;

/** The configured API clients and their quota accounting (used only with {@code gateway.auth.enabled}). */
@Configuration(proxyBeanMethods = false)
public class AuthSetup {

    @Bean
    ApiKeys apiKeys(WalrusGatewayProperties properties) {
        return new ApiKeys(properties.auth().clients().stream()
                .map(c -> new ApiKeys.Client(c.name(), ApiKeys.parseDigest(c.keySha256()), c.maxBytes().toBytes(),
                        c.maxEpochs()))
                .toList());
    }

    @Bean
    WriteQuotas writeQuotas() {
        return new WriteQuotas();
    }
}
