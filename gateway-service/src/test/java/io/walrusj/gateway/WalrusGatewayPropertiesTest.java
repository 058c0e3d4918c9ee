package io.walrusj.gateway;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class WalrusGatewayPropertiesTest {

    @Test
    void upstreamUrlsMustBePlainOrigins() {
        assertThatNoException().isThrownBy(() -> withUrls(List.of(URI.create("http://encoder:8081/")),
                URI.create("https://indexer")));
        assertThatIllegalArgumentException().isThrownBy(() -> withUrls(List.of(URI.create("http://encoder:8081/api")),
                URI.create("http://indexer"))).withMessageContaining("gateway.encoder-urls");
        assertThatIllegalArgumentException().isThrownBy(() -> withUrls(List.of(URI.create("http://encoder")),
                URI.create("ftp://indexer"))).withMessageContaining("gateway.indexer-url");
        assertThatIllegalArgumentException().isThrownBy(() -> withUrls(List.of(), URI.create("http://indexer")))
                .withMessageContaining("at least one");
    }

    @Test
    void authNeedsClientsWithSha256DigestsAndQuotas() {
        String digest = "ab".repeat(32);
        assertThatNoException().isThrownBy(() -> new WalrusGatewayProperties.Auth(true, List.of(
                new WalrusGatewayProperties.ApiClient("a", digest, DataSize.ofGigabytes(1), 5L))));
        assertThatIllegalArgumentException().isThrownBy(() -> new WalrusGatewayProperties.Auth(true, List.of()))
                .withMessageContaining("gateway.auth.clients");
        assertThatIllegalArgumentException().isThrownBy(() -> new WalrusGatewayProperties.ApiClient(
                "a", "raw-key-not-a-digest", DataSize.ofGigabytes(1), 5L)).withMessageContaining("key-sha256");
        assertThatIllegalArgumentException().isThrownBy(() -> new WalrusGatewayProperties.ApiClient(
                "a", digest, DataSize.ofGigabytes(1), null)).withMessageContaining("max-epochs");
    }

    private static WalrusGatewayProperties withUrls(List<URI> encoders, URI indexer) {
        return new WalrusGatewayProperties(encoders, indexer, DataSize.ofMegabytes(10),
                new WalrusGatewayProperties.BodyDeadline(Duration.ofSeconds(10), DataSize.ofKilobytes(64)),
                new WalrusGatewayProperties.Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new WalrusGatewayProperties.CircuitBreaker(50, 10, 5, Duration.ofSeconds(1), 10),
                new WalrusGatewayProperties.BlobCache(true, DataSize.ofMegabytes(1), DataSize.ofKilobytes(1), Duration.ofHours(1)),
                new WalrusGatewayProperties.RateLimit(true, WalrusGatewayProperties.ClientKey.REMOTE_ADDRESS, 1,
                        new WalrusGatewayProperties.TokenBucketPolicy(1, 1), new WalrusGatewayProperties.TokenBucketPolicy(1, 1)),
                new WalrusGatewayProperties.Auth(false, List.of()),
                new WalrusGatewayProperties.Cors(Duration.ofHours(24)));
    }
}
