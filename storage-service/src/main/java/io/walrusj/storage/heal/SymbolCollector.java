package io.walrusj.storage.heal;

import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.sliver.SymbolId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects exactly enough verified, distinct recovery symbols for one {@link RecoveryTarget}:
 * symbols from this node's own slivers first, then rounds of {@code id=} requests to peers. A round
 * asks for the number still missing plus a small margin (absorbing a few bad or unservable
 * symbols without another round trip), spread over the peers by {@link SymbolRequestPlan}, all
 * requests of a round in parallel; further rounds top up from other sources, never asking a failed
 * peer again. Symbols are verified against the metadata one by one; bad ones are dropped.
 */
final class SymbolCollector {
    private static final Logger LOG = LoggerFactory.getLogger(SymbolCollector.class);

    /** What one collection cost: symbols asked for, requests sent, rounds. */
    record Stats(int requested, int requests, int rounds) {
    }

    /** The verified symbols (exactly {@code symbolsNeeded}) and what fetching them cost. */
    record Collected(List<GeneralRecoverySymbol> symbols, Stats stats) {
    }

    private final SymbolFetcher fetcher;
    private final int maxQueryChars;

    SymbolCollector(SymbolFetcher fetcher, int maxQueryChars) {
        this.fetcher = fetcher;
        this.maxQueryChars = maxQueryChars;
    }

    /** About 2 % extra, at least one: enough for a few unservable ids without doubling a round. */
    static int margin(int missing) {
        return 1 + missing / 50;
    }

    /**
     * @param local symbols from this node's own stored slivers (verified like the others)
     * @param peers the committee members to ask, with the shards they own
     * @throws IOException when the peers cannot supply enough verified symbols
     */
    Collected collect(RecoveryTarget target, List<GeneralRecoverySymbol> local, List<Peer> peers) throws IOException {
        return collect(target, local, peers, ThreadLocalRandom.current());
    }

    Collected collect(RecoveryTarget target, List<GeneralRecoverySymbol> local, List<Peer> peers, Random random)
            throws IOException {
        int needed = target.symbolsNeeded();
        Accepted accepted = new Accepted(target);
        local.forEach(accepted::offer);
        SymbolRequestPlan plan = new SymbolRequestPlan(target, target.blobId().rotationOffset(target.config().nShards()),
                peers, accepted.sources(), random);
        int requested = 0;
        int requests = 0;
        int rounds = 0;
        IOException last = null;
        while (accepted.size() < needed) {
            int missing = needed - accepted.size();
            Map<Peer, List<SymbolId>> ask = plan.take(missing + margin(missing));
            if (ask.isEmpty()) {
                throw new IOException("recovering " + target + " needs " + needed + " verified symbols, got "
                        + accepted.size() + " and no peer left to ask"
                        + (last == null ? "" : " (last error: " + last.getMessage() + ")"));
            }
            rounds++;
            for (List<SymbolId> ids : ask.values()) {
                requested += ids.size();
            }
            List<Answer> answers = fetchAll(target, ask);
            requests += answers.size();
            for (Answer a : answers) {
                if (a.error() != null) {
                    last = a.error();
                    plan.drop(a.peer());
                    LOG.debug("{}: {} failed: {}", target, a.peer(), a.error().toString());
                } else {
                    a.symbols().forEach(accepted::offer);
                }
            }
        }
        return new Collected(accepted.first(needed), new Stats(requested, requests, rounds));
    }

    private record Answer(Peer peer, List<GeneralRecoverySymbol> symbols, IOException error) {
    }

    /** Every batch of every peer on its own virtual thread; waits for all. */
    private List<Answer> fetchAll(RecoveryTarget target, Map<Peer, List<SymbolId>> ask) throws IOException {
        List<Future<Answer>> futures = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            ask.forEach((peer, ids) -> {
                for (List<SymbolId> batch : SymbolIdBatches.split(ids, maxQueryChars)) {
                    futures.add(ex.submit(() -> fetch(target, peer, batch)));
                }
            });
        }
        List<Answer> out = new ArrayList<>(futures.size());
        for (Future<Answer> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IOException("symbol request failed unexpectedly", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return out;
    }

    private Answer fetch(RecoveryTarget target, Peer peer, List<SymbolId> ids) {
        try {
            return new Answer(peer, fetcher.fetch(peer.baseUrl(), target.blobId(), ids, target.sourceType()), null);
        } catch (IOException e) {
            return new Answer(peer, List.of(), e);
        } catch (RuntimeException e) {
            return new Answer(peer, List.of(), new IOException(peer + ": " + e, e));
        }
    }

    /** Verified symbols for the target, distinct by source sliver. */
    private static final class Accepted {
        private final RecoveryTarget target;
        private final List<GeneralRecoverySymbol> symbols = new ArrayList<>();
        private final BitSet sources = new BitSet();

        Accepted(RecoveryTarget target) {
            this.target = target;
        }

        void offer(GeneralRecoverySymbol g) {
            if (g.targetType() != target.type() || g.targetIndex() != target.index() || sources.get(g.symbol().index())) {
                return;
            }
            try {
                g.verify(target.config(), target.metadata(), target.index(), target.type());
            } catch (RuntimeException e) { // VerificationException, or a malformed symbol
                return; // a faulty or malicious peer: drop the symbol
            }
            sources.set(g.symbol().index());
            symbols.add(g);
        }

        int size() {
            return symbols.size();
        }

        BitSet sources() {
            return (BitSet) sources.clone();
        }

        List<GeneralRecoverySymbol> first(int count) {
            return List.copyOf(symbols.subList(0, count));
        }
    }
}
