package io.walrusj.chain.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
