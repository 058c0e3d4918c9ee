package io.walrusj.storage.heal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.storage.sync.NodeState;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerResolverTest {

    @Test
    void chainAddressesBecomeUrlsAndOverridesWin() {
        var a = FakeSuiChain.addr(0xa1);
        var b = FakeSuiChain.addr(0xa2);
        var c = FakeSuiChain.addr(0xa3);
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

    @Test
    void peersAreTheOtherCommitteeMembersWithShardsAndAnAddress() {
        var self = FakeSuiChain.addr(0xa1);
        var b = FakeSuiChain.addr(0xa2);
        var noAddress = FakeSuiChain.addr(0xa3);
        var noShards = FakeSuiChain.addr(0xa4);
        PeerResolver r = new PeerResolver(Map.of(), "http");
        r.updateFromChain(Map.of(self, "self:1", b, "b:2", noShards, "d:4"));
        NodeState.Snapshot s = new NodeState.Snapshot(1, 10, Set.of(0, 1), true,
                Map.of(self, List.of(0, 1), b, List.of(2, 3, 4), noAddress, List.of(5, 6, 7, 8, 9), noShards, List.of()));

        assertThat(r.peers(s, Optional.of(self))).containsExactly(new Peer(b, URI.create("http://b:2"), Set.of(2, 3, 4)));
        assertThat(r.peers(s, Optional.empty())).extracting(Peer::nodeId).containsExactlyInAnyOrder(self, b);
    }
}
