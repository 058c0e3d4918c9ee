package io.walrusj.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.factory.Chain;
import io.walrusj.chain.factory.ChainSettings;
import io.walrusj.chain.factory.Chains;
import io.walrusj.chain.factory.RetryPolicy;
import io.walrusj.chain.follow.Backoff;
import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.SuiTransportException;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.Ed25519KeyPair;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link Chains#open}: network resolution, the retry policy, follower and writer, on both transports. */
class ChainsTest {

    final FakeSuiChain fake = FakeSuiChain.start();

    @AfterEach
    void close() {
        fake.close();
    }

    @ParameterizedTest
    @EnumSource(ChainSettings.Transport.class)
    void readsFollowsAndWritesThroughOneChain(ChainSettings.Transport transport) throws Exception {
        fake.publishWalrus(4, 7, Map.of(FakeSuiChain.addr(0xa1), List.of(0, 1, 2, 3)));
        try (Chain chain = Chains.open(fake.settings(transport))) {
            assertThat(chain.network().systemObjectId()).isEqualTo(FakeSuiChain.SYSTEM);
            assertThat(chain.reader().currentEpoch()).isEqualTo(7);

            List<WalrusEvent> seen = new CopyOnWriteArrayList<>();
            fake.emit(new WalrusEvent.EpochChangeDone(7));
            try (WalrusFollower f = chain.follow(Optional::empty,
                    (events, cursor) -> events.stream().map(WalrusEventEnvelope::event).forEach(seen::add))) {
                f.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
            }
            assertThat(seen).containsExactly(new WalrusEvent.EpochChangeDone(7));

            Ed25519KeyPair key = Ed25519KeyPair.generate();
            chain.writer(key).epochSyncDone(FakeSuiChain.addr(0xa1), 7);
            assertThat(fake.writes()).singleElement().satisfies(w -> {
                assertThat(w.sender()).isEqualTo(key.suiAddress());
                assertThat(w.call()).isEqualTo(new Call.EpochSyncDone(FakeSuiChain.addr(0xa1), 7));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(ChainSettings.Transport.class)
    void transportFailuresAreRetriedByThePolicyThenGiveUp(ChainSettings.Transport transport) {
        fake.publishWalrus(4, 7, Map.of(FakeSuiChain.addr(0xa1), List.of(0, 1, 2, 3)));
        try (Chain chain = Chains.open(fake.settings(transport))) {
            chain.network();
            fake.failNext(4);
            assertThat(chain.reader().currentEpoch()).isEqualTo(7); // attempts 1-4 fail, 5 succeeds
            fake.failNext(5);
            assertThatThrownBy(() -> chain.reader().currentEpoch()).isInstanceOf(SuiTransportException.class);
        }
    }

    @Test
    void aReadBeforeTheNetworkIsResolvedIsRetriedByOnePolicyNotByTwoNestedOnes() {
        try (Chain chain = Chains.open(fake.settings(ChainSettings.Transport.GRPC))) {
            fake.failNext(1_000); // the devnet, which names the Walrus objects, does not answer
            assertThatThrownBy(() -> chain.reader().currentEpoch()).isInstanceOf(SuiTransportException.class);
            // one attempt at resolving per attempt of the read: 5, not 5 x 5
            assertThat(fake.calls("devnet_getChainInfo")).isEqualTo(RetryPolicy.DEFAULT.maxAttempts());
        }
    }

    @Test
    void aMissingObjectIsNotRetried() {
        try (Chain chain = Chains.open(fake.settings(ChainSettings.Transport.GRPC))) {
            chain.network();
            assertThatThrownBy(() -> chain.reader().currentEpoch())
                    .isInstanceOf(io.walrusj.chain.rpc.SuiObjectUnavailableException.class);
            assertThat(fake.calls("GetObject")).isEqualTo(1);
        }
    }

    @Test
    void networkPresetsAndConfiguredIdsNeedNoDevnet() {
        ChainSettings s = ChainSettings.of(URI.create("http://127.0.0.1:1"));
        try (Chain chain = Chains.open(s.withNetwork("mainnet"))) {
            assertThat(chain.network()).isEqualTo(WalrusNetwork.MAINNET);
        }
        String id = FakeSuiChain.addr(0x22).toString();
        try (Chain chain = Chains.open(s.withIds(id, id, id).withRetry(new RetryPolicy(Backoff.DEFAULT, 1)))) {
            assertThat(chain.network().stakingObjectId()).isEqualTo(FakeSuiChain.addr(0x22));
        }
        assertThatThrownBy(() -> s.withNetwork("moonnet")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ChainSettings.Transport.parse(null)).isEqualTo(ChainSettings.Transport.GRPC);
        assertThat(ChainSettings.Transport.parse("JSONRPC")).isEqualTo(ChainSettings.Transport.JSONRPC);
    }
}
