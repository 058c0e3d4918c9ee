package io.walrusj.chain.grpc;

import io.walrusj.chain.testing.FakeSuiGrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.walrusj.chain.grpc.proto.Epoch;
import io.walrusj.chain.grpc.proto.GetEpochResponse;
import io.walrusj.chain.rpc.SuiTransportException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Base URLs: parsing, plaintext vs TLS. */
class GrpcTargetTest {

    @Test
    void httpIsPlaintextAndHttpsIsTlsWithDefaultPorts() {
        assertThat(GrpcTarget.parse("http://127.0.0.1:9000")).isEqualTo(new GrpcTarget("127.0.0.1", 9000, false));
        assertThat(GrpcTarget.parse("https://fullnode.mainnet.sui.io:443")).isEqualTo(new GrpcTarget("fullnode.mainnet.sui.io", 443, true));
        assertThat(GrpcTarget.parse("https://fullnode.testnet.sui.io/")).isEqualTo(new GrpcTarget("fullnode.testnet.sui.io", 443, true));
        assertThat(GrpcTarget.parse("HTTP://localhost")).isEqualTo(new GrpcTarget("localhost", 80, false));
        assertThat(GrpcTarget.parse("http://[::1]:9000")).isEqualTo(new GrpcTarget("::1", 9000, false));
    }

    @Test
    void otherSchemesPathsAndQueriesAreRejected() {
        for (String bad : new String[] {"grpc://host:9000", "host:9000", "http://host:9000/rpc", "http://host?x=1",
                "http://user@host", "http://", "not a url"}) {
            assertThatThrownBy(() -> GrpcTarget.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void httpsSpeaksTlsAndChecksTheServerCertificate() throws Exception {
        Path cert = Path.of(FakeSuiGrpc.class.getResource("/grpc-tls/cert.pem").toURI());
        try (FakeSuiGrpc tls = new FakeSuiGrpc(true)) {
            tls.getEpoch = r -> GetEpochResponse.newBuilder().setEpoch(Epoch.newBuilder().setEpoch(1).setReferenceGasPrice(1000)).build();
            try (SuiGrpcClient trusting = SuiGrpcClient.builder(tls.url()).trustedCertificates(cert).build()) {
                assertThat(trusting.currentEpoch().referenceGasPrice()).isEqualTo(1000);
            }
            // The JVM's default trust store does not know the self-signed certificate.
            try (SuiGrpcClient strict = SuiGrpcClient.builder(tls.url()).build()) {
                assertThatThrownBy(strict::currentEpoch).isInstanceOfSatisfying(SuiTransportException.class,
                        e -> assertThat(e.grpcStatus()).contains(Status.Code.UNAVAILABLE));
            }
            // Plaintext against a TLS port fails too.
            try (SuiGrpcClient plain = SuiGrpcClient.builder(tls.url().replace("https", "http"))
                    .callTimeout(java.time.Duration.ofSeconds(3)).build()) {
                assertThatThrownBy(plain::currentEpoch).isInstanceOf(SuiTransportException.class);
            }
        }
        assertThatThrownBy(() -> SuiGrpcClient.builder("http://127.0.0.1:1").trustedCertificates(cert).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
