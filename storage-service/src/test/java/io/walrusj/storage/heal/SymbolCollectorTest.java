package io.walrusj.storage.heal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.DecodingSymbol;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.recovery.RecoveryOutcome;
import io.walrusj.core.recovery.SliverRecovery;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link SymbolCollector} and {@link SymbolRequestPlan} against in-memory peers serving a real
 * encoded blob (n = 40: p = 14, s = 27): what is asked of whom, and how failures are topped up.
 */
class SymbolCollectorTest {
    static final int N = 40;
    static final EncodingConfig CONFIG = new EncodingConfig(N);
    static final EncodedBlob BLOB = blob();
    static final BlobId ID = BLOB.blobId();
    static final int OFFSET = ID.rotationOffset(N);

    /** Shards 0-9 belong to the healing node; three peers own 10-19, 20-29 and 30-39. */
    static final List<Peer> PEERS = List.of(peer(1, 10, 20), peer(2, 20, 30), peer(3, 30, 40));

    enum Behaviour { HONEST, FAILING, CORRUPTING }

    /** Answers like a storage node holding both slivers of its shards' pairs; records every request. */
    static final class FakePeers implements SymbolFetcher {
        final Map<URI, Behaviour> behaviour = new ConcurrentHashMap<>();
        final List<Map.Entry<URI, List<SymbolId>>> requests = new CopyOnWriteArrayList<>();

        FakePeers() {
            PEERS.forEach(p -> behaviour.put(p.baseUrl(), Behaviour.HONEST));
        }

        @Override
        public List<GeneralRecoverySymbol> fetch(URI node, BlobId blobId, List<SymbolId> ids, SliverType proofAxis)
                throws IOException {
            requests.add(Map.entry(node, List.copyOf(ids)));
            Peer peer = PEERS.stream().filter(p -> p.baseUrl().equals(node)).findFirst().orElseThrow();
            Behaviour b = behaviour.get(node);
            if (b == Behaviour.FAILING) {
                throw new IOException("connection refused");
            }
            List<GeneralRecoverySymbol> out = new ArrayList<>();
            for (SymbolId id : ids) {
                int source = proofAxis == SliverType.PRIMARY ? id.primary() : id.secondary();
                int target = proofAxis == SliverType.PRIMARY ? id.secondary() : id.primary();
                int pair = CONFIG.pairIndex(proofAxis, source);
                if (!peer.shards().contains(CONFIG.shardForPair(pair, OFFSET))) {
                    continue; // not servable here: skipped, as the node API does
                }
                GeneralRecoverySymbol g = new SliverSymbolSource(CONFIG,
                        proofAxis == SliverType.PRIMARY ? BLOB.pair(pair).primary() : BLOB.pair(pair).secondary())
                        .recoverySymbol(target);
                if (b == Behaviour.CORRUPTING) {
                    byte[] data = g.symbol().data();
                    data[0] ^= 1;
                    g = new GeneralRecoverySymbol(g.targetType(), new DecodingSymbol(g.symbol().index(), data),
                            g.targetIndex(), g.proof());
                }
                out.add(g);
            }
            return out;
        }

        int requested(URI node) {
            return requests.stream().filter(r -> r.getKey().equals(node)).mapToInt(r -> r.getValue().size()).sum();
        }
    }

    static EncodedBlob blob() {
        byte[] data = new byte[20_000];
        new Random(7).nextBytes(data);
        return new BlobEncoder(CONFIG).encode(data);
    }

    static Peer peer(int b, int fromShard, int toShard) {
        return new Peer(FakeSuiChain.addr(b), URI.create("http://peer" + b + ".test:9100"),
                Set.copyOf(IntStream.range(fromShard, toShard).boxed().toList()));
    }

    static RecoveryTarget target(SliverType type, int shard) {
        int pair = CONFIG.pairForShard(shard, OFFSET);
        return new RecoveryTarget(ID, CONFIG, BLOB.metadata().metadata(), type, CONFIG.sliverIndex(type, pair));
    }

    static void assertRecovers(RecoveryTarget t, List<GeneralRecoverySymbol> symbols) {
        RecoveryOutcome outcome = SliverRecovery.recover(CONFIG, t.metadata(), t.type(), t.index(), symbols);
        assertThat(outcome).isInstanceOf(RecoveryOutcome.Recovered.class);
        byte[] expected = (t.type() == SliverType.PRIMARY ? BLOB.pair(t.pair()).primary()
                : BLOB.pair(t.pair()).secondary()).toBcs();
        assertThat(((RecoveryOutcome.Recovered) outcome).sliver().toBcs()).isEqualTo(expected);
    }

    @Test
    void asksEachPeerOnlyForSymbolsItHoldsAndExactlyTheNeededCountPlusTheMargin() throws IOException {
        for (SliverType type : SliverType.values()) {
            FakePeers peers = new FakePeers();
            RecoveryTarget t = target(type, 3);
            SymbolCollector.Collected c = new SymbolCollector(peers, SymbolIdBatches.MAX_QUERY_CHARS)
                    .collect(t, List.of(), PEERS, new Random(1));
            int needed = CONFIG.symbolsForRecovery(type);
            assertThat(needed).isEqualTo(type == SliverType.PRIMARY ? 27 : 14);
            assertThat(c.symbols()).hasSize(needed);
            assertThat(c.stats().rounds()).isEqualTo(1);
            assertThat(c.stats().requested()).isEqualTo(needed + SymbolCollector.margin(needed));
            assertThat(c.stats().requests()).isEqualTo(3); // one per peer, spread evenly
            for (Peer p : PEERS) {
                assertThat(peers.requested(p.baseUrl())).isBetween(c.stats().requested() / 3, c.stats().requested() / 3 + 1);
            }
            // every id is in the target's row/column, distinct, and from a sliver the asked peer holds
            Set<SymbolId> all = new HashSet<>();
            for (var r : peers.requests) {
                Peer p = PEERS.stream().filter(x -> x.baseUrl().equals(r.getKey())).findFirst().orElseThrow();
                for (SymbolId id : r.getValue()) {
                    assertThat(all.add(id)).isTrue();
                    int source = type == SliverType.PRIMARY ? id.secondary() : id.primary();
                    assertThat(type == SliverType.PRIMARY ? id.primary() : id.secondary()).isEqualTo(t.index());
                    assertThat(p.shards()).contains(CONFIG.shardForPair(t.sourcePair(source), OFFSET));
                }
            }
            assertRecovers(t, c.symbols());
        }
    }

    @Test
    void localSymbolsAreNotAskedForAgain() throws IOException {
        RecoveryTarget t = target(SliverType.PRIMARY, 3);
        // the healing node holds the secondary slivers of its shards 0-9: 10 of the 27 symbols
        List<GeneralRecoverySymbol> local = new ArrayList<>();
        BitSet localSources = new BitSet();
        for (int shard = 0; shard < 10; shard++) {
            int pair = CONFIG.pairForShard(shard, OFFSET);
            GeneralRecoverySymbol g = new SliverSymbolSource(CONFIG, BLOB.pair(pair).secondary()).recoverySymbol(t.index());
            local.add(g);
            localSources.set(g.symbol().index());
        }
        FakePeers peers = new FakePeers();
        SymbolCollector.Collected c = new SymbolCollector(peers, SymbolIdBatches.MAX_QUERY_CHARS)
                .collect(t, local, PEERS, new Random(2));
        assertThat(c.stats().requested()).isEqualTo(17 + SymbolCollector.margin(17));
        assertThat(peers.requests).allSatisfy(r -> assertThat(r.getValue())
                .noneMatch(id -> localSources.get(id.secondary())));
        assertRecovers(t, c.symbols());
    }

    @Test
    void aFailedPeerIsToppedUpFromTheOthersAndNotAskedAgain() throws IOException {
        FakePeers peers = new FakePeers();
        Peer down = PEERS.get(1);
        peers.behaviour.put(down.baseUrl(), Behaviour.FAILING);
        RecoveryTarget t = target(SliverType.SECONDARY, 5);
        SymbolCollector.Collected c = new SymbolCollector(peers, SymbolIdBatches.MAX_QUERY_CHARS)
                .collect(t, List.of(), PEERS, new Random(3));
        assertThat(c.symbols()).hasSize(14); // from the 20 sources of the two other peers
        assertThat(c.stats().rounds()).isEqualTo(2);
        assertThat(peers.requests.stream().filter(r -> r.getKey().equals(down.baseUrl()))).hasSize(1);
        assertRecovers(t, c.symbols());
    }

    @Test
    void corruptSymbolsAreDroppedAndReplaced() throws IOException {
        FakePeers peers = new FakePeers();
        peers.behaviour.put(PEERS.get(0).baseUrl(), Behaviour.CORRUPTING);
        RecoveryTarget t = target(SliverType.SECONDARY, 7);
        SymbolCollector.Collected c = new SymbolCollector(peers, SymbolIdBatches.MAX_QUERY_CHARS)
                .collect(t, List.of(), PEERS, new Random(4));
        assertThat(c.symbols()).hasSize(14);
        assertThat(c.stats().rounds()).isGreaterThan(1);
        // nothing from the corrupting peer made it in
        Set<Integer> corruptSources = new HashSet<>();
        for (var r : peers.requests) {
            if (r.getKey().equals(PEERS.get(0).baseUrl())) {
                r.getValue().forEach(id -> corruptSources.add(id.primary()));
            }
        }
        assertThat(c.symbols()).noneMatch(g -> corruptSources.contains(g.symbol().index()));
        assertRecovers(t, c.symbols());
    }

    @Test
    void tooFewReachableSourcesIsAnError() {
        FakePeers peers = new FakePeers();
        peers.behaviour.put(PEERS.get(0).baseUrl(), Behaviour.FAILING);
        peers.behaviour.put(PEERS.get(1).baseUrl(), Behaviour.FAILING);
        RecoveryTarget t = target(SliverType.SECONDARY, 1);
        // 10 sources left on the third peer, p = 14 needed
        assertThatThrownBy(() -> new SymbolCollector(peers, SymbolIdBatches.MAX_QUERY_CHARS)
                .collect(t, List.of(), PEERS, new Random(5)))
                .isInstanceOf(IOException.class).hasMessageContaining("needs 14 verified symbols, got 10")
                .hasMessageContaining("connection refused");
    }

    @Test
    void longIdListsAreSplitIntoSeveralRequests() throws IOException {
        FakePeers peers = new FakePeers();
        RecoveryTarget t = target(SliverType.PRIMARY, 0);
        // at most 5 ids ("id=12-3&" is 8 characters) per request with a 40-character query
        SymbolCollector.Collected c = new SymbolCollector(peers, 40).collect(t, List.of(), PEERS, new Random(6));
        assertThat(c.stats().requests()).isGreaterThanOrEqualTo(6);
        assertThat(peers.requests).allSatisfy(r -> assertThat(r.getValue().stream()
                .mapToInt(id -> ("id=" + id + "&").length()).sum()).isLessThanOrEqualTo(40));
        assertRecovers(t, c.symbols());
    }

    @Test
    void batchesRespectTheQueryLimitAndKeepOrder() {
        List<SymbolId> ids = IntStream.range(0, 500).mapToObj(i -> new SymbolId(999, i)).toList();
        List<List<SymbolId>> batches = SymbolIdBatches.split(ids, SymbolIdBatches.MAX_QUERY_CHARS);
        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(ids);
        assertThat(batches).allSatisfy(b -> assertThat(b.stream().mapToInt(id -> ("id=" + id + "&").length()).sum())
                .isLessThanOrEqualTo(SymbolIdBatches.MAX_QUERY_CHARS));
    }
}
