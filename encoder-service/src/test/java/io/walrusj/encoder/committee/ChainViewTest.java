package io.walrusj.encoder.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.chain.factory.ChainSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chain view against the shared fake chain: the committee is read over Sui gRPC by default
 * (no JSON-RPC call), over JSON-RPC with the legacy switch, and re-read when the checkpoint
 * follower sees an epoch change.
 */
class ChainViewTest {
    static final SuiAddress NODE_A = FakeSuiChain.addr(0xA1);
    static final SuiAddress NODE_B = FakeSuiChain.addr(0xB2);

    final FakeSuiChain chain = FakeSuiChain.start();
    TestChainView testView;
    ChainView view;

    @AfterEach
    void close() {
        if (testView != null) {
            testView.close();
        }
        chain.close();
    }

    static BlsKeyPair key(int i) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) i);
        return BlsKeyPair.fromSeed(seed);
    }

    void publishCommittee() {
        chain.publishWalrus(10, 3, Map.of(NODE_A, List.of(0, 1, 2, 3, 4, 5), NODE_B, List.of(6, 7, 8, 9)));
        chain.protocolKey(NODE_A, key(1).publicKey());
        chain.protocolKey(NODE_B, key(2).publicKey());
        chain.networkAddress(NODE_A, "127.0.0.1:9100");
        chain.networkAddress(NODE_B, "127.0.0.1:9101");
    }

    ChainView view(ChainSettings.Transport transport) {
        testView = new TestChainView(chain, transport);
        view = testView.view();
        return view;
    }

    @Test
    void theCommitteeIsReadOverGrpcWithoutJsonRpc() {
        publishCommittee();
        CommitteeSnapshot c = view(ChainSettings.Transport.GRPC).committee();

        assertThat(c.epoch()).isEqualTo(3);
        assertThat(c.nShards()).isEqualTo(10);
        assertThat(c.members()).extracting(CommitteeSnapshot.Member::nodeId).containsExactlyInAnyOrder(NODE_A, NODE_B);
        CommitteeSnapshot.Member a = c.members().stream().filter(m -> m.nodeId().equals(NODE_A)).findFirst().orElseThrow();
        assertThat(a.shards()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(a.baseUri()).contains(URI.create("http://127.0.0.1:9100"));
        assertThat(a.publicKey()).isEqualTo(key(1).publicKey());
        assertThat(view.reader().systemState().currentEpoch()).isEqualTo(3);

        assertThat(chain.calls("GetObject")).isPositive();
        assertThat(chain.calls("sui_getObject") + chain.calls("suix_getDynamicFieldObject")
                + chain.calls("sui_multiGetObjects")).as("JSON-RPC reads").isZero();
    }

    @Test
    void theLegacySwitchReadsTheSameCommitteeOverJsonRpc() {
        publishCommittee();
        CommitteeSnapshot c = view(ChainSettings.Transport.JSONRPC).committee();

        assertThat(c.epoch()).isEqualTo(3);
        assertThat(c.members()).hasSize(2);
        assertThat(chain.calls("sui_getObject")).isPositive();
        assertThat(chain.calls("GetObject")).isZero();
    }

    @ParameterizedTest
    @EnumSource(ChainSettings.Transport.class)
    void anEpochChangeSeenByTheFollowerRereadsTheCommittee(ChainSettings.Transport transport) {
        publishCommittee();
        view(transport).connect();
        assertThat(view.cachedCommittee()).hasValueSatisfying(c -> assertThat(c.epoch()).isEqualTo(3));
        if (transport == ChainSettings.Transport.GRPC) {
            await().atMost(Duration.ofSeconds(10)).until(() -> chain.subscriptions() > 0);
        }

        chain.advanceEpoch();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(view.cachedCommittee()).hasValueSatisfying(c -> assertThat(c.epoch()).isEqualTo(4)));
        view.connect(); // the follower runs: no second one, no polling
        assertThat(view.followerState()).contains(WalrusFollower.State.RUNNING);
        if (transport == ChainSettings.Transport.GRPC) {
            assertThat(chain.subscriptions()).isEqualTo(1);
            assertThat(chain.calls("suix_queryEvents")).isZero();
        } else {
            assertThat(chain.calls("suix_queryEvents")).isPositive();
            assertThat(chain.subscriptions()).isZero();
        }
    }

    @Test
    void anEmptyCommitteeIsNoCommitteeUntilNodesJoin() {
        chain.publishWalrus(10, 0, Map.of());
        view(ChainSettings.Transport.GRPC);
        assertThatThrownBy(view::committee).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("NO_COMMITTEE"));

        publishCommittee();
        assertThat(view.committee().members()).hasSize(2);
    }

    @Test
    void anUnreachableChainIs503() {
        publishCommittee();
        chain.failNext(100);
        assertThatThrownBy(view(ChainSettings.Transport.GRPC)::committee).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("CHAIN_UNAVAILABLE"));
    }
}
