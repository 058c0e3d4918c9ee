package io.walrusj.encoder.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {
    final ClientAddress clients = new ClientAddress(List.of("127.0.0.1"));

    static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/v1/blobs");
        request.setRemoteAddr(peer);
        for (String value : forwardedFor) {
            request.addHeader("X-Forwarded-For", value);
        }
        return request;
    }

    @Test
    void thePeerIsTheClientUnlessItIsATrustedProxy() {
        assertThat(clients.apply(from("10.0.0.7"))).isEqualTo("10.0.0.7");
        assertThat(clients.apply(from("10.0.0.7", "1.2.3.4"))).as("an untrusted peer cannot name another client")
                .isEqualTo("10.0.0.7");
    }

    @Test
    void behindATrustedProxyTheEntryItAppendedIsTheClient() {
        assertThat(clients.apply(from("127.0.0.1", "6.6.6.6, 10.0.0.7"))).isEqualTo("10.0.0.7");
        assertThat(clients.apply(from("127.0.0.1", "6.6.6.6", "10.0.0.8 "))).isEqualTo("10.0.0.8");
        assertThat(clients.apply(from("127.0.0.1"))).isEqualTo("127.0.0.1");
    }
}
