package io.walrusj.storage.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.storage.testing.FakeChain;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerResolverTest {

    @Test
    void chainAddressesBecomeUrlsAndOverridesWin() {
        var a = FakeChain.addr(0xa1);
        var b = FakeChain.addr(0xa2);
        var c = FakeChain.addr(0xa3);
        PeerResolver r = new PeerResolver(Map.of(b.toString(), URI.create("http://override:1/")), "http");
        r.updateFromChain(Map.of(a, "node-a.example:9185", b, "10.0.0.2:9185", c, "no port"));

        assertThat(r.resolve(a)).contains(URI.create("http://node-a.example:9185"));
        assertThat(r.resolve(b)).contains(URI.create("http://override:1"));
        assertThat(r.resolve(c)).isEmpty();

        r.updateFromChain(Map.of(a, "https://node-a.example:443/"));
        assertThat(r.resolve(a)).contains(URI.create("https://node-a.example:443"));
        r.updateFromChain(Map.of());
        assertThat(r.resolve(a)).isEmpty();
        PeerResolver tls = new PeerResolver(Map.of(), "https");
        tls.updateFromChain(Map.of(a, "h:1"));
        assertThat(tls.resolve(a)).contains(URI.create("https://h:1"));
    }
}
