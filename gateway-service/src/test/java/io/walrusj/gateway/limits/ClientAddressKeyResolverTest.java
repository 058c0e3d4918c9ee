package io.walrusj.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import io.walrusj.gateway.WalrusGatewayProperties.ClientKey;

class ClientAddressKeyResolverTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("10.1.2.3", 40000);

    @Test
    void remoteAddressModeIgnoresWhatTheClientWritesInXForwardedFor() {
        ClientAddressKeyResolver resolver = new ClientAddressKeyResolver(ClientKey.REMOTE_ADDRESS, 1);

        assertThat(resolver.resolve(exchange("203.0.113.5")).block()).isEqualTo("10.1.2.3");
    }

    @Test
    void xForwardedForModeTakesTheEntryOfTheNearestTrustedProxy() {
        ClientAddressKeyResolver oneProxy = new ClientAddressKeyResolver(ClientKey.X_FORWARDED_FOR, 1);
        ClientAddressKeyResolver twoProxies = new ClientAddressKeyResolver(ClientKey.X_FORWARDED_FOR, 2);

        // "1.1.1.1" is what the client claimed; the load balancer appended the address it saw.
        assertThat(oneProxy.resolve(exchange("1.1.1.1, 198.51.100.7")).block()).isEqualTo("198.51.100.7");
        assertThat(twoProxies.resolve(exchange("1.1.1.1, 198.51.100.7, 10.0.0.9")).block()).isEqualTo("198.51.100.7");
        assertThat(twoProxies.resolve(exchange("198.51.100.7")).block()).isEqualTo("198.51.100.7");
    }

    @Test
    void xForwardedForModeFallsBackToThePeerWithoutTheHeader() {
        ClientAddressKeyResolver resolver = new ClientAddressKeyResolver(ClientKey.X_FORWARDED_FOR, 1);

        assertThat(resolver.resolve(exchange(null)).block()).isEqualTo("10.1.2.3");
    }

    @Test
    void hostNamesInTheHeaderAreTakenVerbatimNotResolved() {
        ClientAddressKeyResolver resolver = new ClientAddressKeyResolver(ClientKey.X_FORWARDED_FOR, 1);

        assertThat(resolver.resolve(exchange("does-not-exist.invalid")).block()).isEqualTo("does-not-exist.invalid");
    }

    private static MockServerWebExchange exchange(String xForwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/v1/blobs/x").remoteAddress(PEER);
        if (xForwardedFor != null) {
            request.header("X-Forwarded-For", xForwardedFor);
        }
        return MockServerWebExchange.from(request);
    }
}
