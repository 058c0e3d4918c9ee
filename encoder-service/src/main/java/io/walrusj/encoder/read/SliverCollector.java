package io.walrusj.encoder.read;

import io.walrusj.core.VerificationException;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.nodeclient.NodeApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fetches slivers of one axis in parallel ({@link RequestRace}) until enough of them verified
 * against the metadata (walrus-encoding 9.1). A sliver that fails verification, or is not the one
 * asked for, is dropped and the next candidate asked instead: a lying node costs time, never
 * correctness. Verification runs on the fetching virtual thread, so it is spread over the cores.
 */
final class SliverCollector {
    private final EncodingConfig config;
    private final RequestRace.Limits limits;
    private final SliverCounter counter;

    SliverCollector(EncodingConfig config, RequestRace.Limits limits, SliverCounter counter) {
        this.config = config;
        this.limits = limits;
        this.counter = counter;
    }

    EncodingConfig config() {
        return config;
    }

    /**
     * What a collection got.
     *
     * @param slivers     verified slivers by sliver index (those passed in included)
     * @param unreachable sliver indices whose node could not be reached (transport failure)
     */
    record Collected(SortedMap<Integer, SliverData> slivers, int notFound, int invalid, int failed,
            Set<Integer> unreachable, boolean timedOut) {

        boolean has(int needed) {
            return slivers.size() >= needed;
        }

        String describe(SliverType type, int needed) {
            return "got " + slivers.size() + " of the " + needed + " verified " + type.text() + " slivers needed ("
                    + notFound + " not found, " + invalid + " invalid, " + failed + " failed"
                    + (timedOut ? ", timed out" : "") + ")";
        }
    }

    /**
     * Collects {@code needed} verified slivers, asking for {@code candidates} in order, keeping the
     * already verified {@code held} ones.
     */
    Collected collect(BlobMetadata metadata, SliverSource source, SliverType type, List<Integer> candidates,
            int needed, Map<Integer, SliverData> held) {
        SortedMap<Integer, SliverData> slivers = new TreeMap<>(held);
        List<Integer> toAsk = candidates.stream().filter(i -> !slivers.containsKey(i)).distinct().toList();
        int[] counts = new int[3]; // not found, invalid, failed
        Set<Integer> unreachable = new HashSet<>();
        RequestRace.Outcome<Integer, SliverData> outcome = RequestRace.run(toAsk, needed - slivers.size(),
                index -> fetchVerified(metadata, source, type, index),
                new RequestRace.Listener<>() {
                    @Override
                    public boolean failed(Integer index, Exception error) {
                        switch (error) {
                            case VerificationException ignored -> counts[1]++;
                            case NodeApiException n when n.isNotFound() -> counts[0]++;
                            case NodeApiException ignored -> counts[2]++;
                            case IOException ignored -> {
                                counts[2]++;
                                unreachable.add(index);
                            }
                            default -> counts[2]++;
                        }
                        return false;
                    }
                }, limits);
        slivers.putAll(outcome.successes());
        return new Collected(slivers, counts[0], counts[1], counts[2], Collections.unmodifiableSet(unreachable),
                outcome.timedOut());
    }

    Collected collect(BlobMetadata metadata, SliverSource source, SliverType type, List<Integer> candidates, int needed) {
        return collect(metadata, source, type, candidates, needed, Map.of());
    }

    /** One sliver, checked to be the one asked for and to match the metadata. */
    SliverData fetchVerified(BlobMetadata metadata, SliverSource source, SliverType type, int index) throws IOException {
        SliverData sliver;
        try {
            sliver = source.fetch(type, index);
        } catch (NodeApiException e) {
            counter.count(type, e.isNotFound() ? SliverCounter.Result.NOT_FOUND : SliverCounter.Result.FAILED);
            throw e;
        } catch (IOException | RuntimeException e) {
            counter.count(type, SliverCounter.Result.FAILED);
            throw e;
        }
        try {
            if (sliver.type() != type || sliver.index() != index) {
                throw new VerificationException(VerificationException.Reason.WRONG_SLIVER_TYPE,
                        "asked for " + type.text() + " sliver " + index + ", got " + sliver);
            }
            sliver.verify(config, metadata);
        } catch (VerificationException | IllegalArgumentException e) {
            counter.count(type, SliverCounter.Result.INVALID);
            throw e instanceof VerificationException v ? v
                    : new VerificationException(VerificationException.Reason.WRONG_SLIVER_LENGTH, e.getMessage());
        }
        counter.count(type, SliverCounter.Result.VERIFIED);
        return sliver;
    }

    /** Indices 0..n-1 with the source (systematic) ones first: they need no RS decoding. */
    List<Integer> allIndices() {
        List<Integer> out = new ArrayList<>(config.nShards());
        for (int i = 0; i < config.nShards(); i++) {
            out.add(i);
        }
        return out;
    }
}
