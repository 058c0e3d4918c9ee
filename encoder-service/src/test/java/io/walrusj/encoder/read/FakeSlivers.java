package io.walrusj.encoder.read;

import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.nodeclient.NodeApiException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SliverSource} over a real encoded blob whose "nodes" misbehave per sliver as told:
 * unreachable, 404, corrupted data, another sliver's data or another genuine sliver, or hanging.
 */
final class FakeSlivers implements SliverSource {
    /** WRONG_INDEX: another sliver's data under the asked index; OTHER_SLIVER: another genuine sliver as it is. */
    enum Behaviour { OK, UNREACHABLE, NOT_FOUND, CORRUPT, WRONG_INDEX, OTHER_SLIVER, HANG }

    record Key(SliverType type, int index) {}

    private final EncodedBlob blob;
    private final Map<Key, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final List<Key> asked = new CopyOnWriteArrayList<>();
    private volatile Behaviour fallback = Behaviour.OK;

    FakeSlivers(EncodedBlob blob) {
        this.blob = blob;
    }

    FakeSlivers set(SliverType type, int index, Behaviour behaviour) {
        behaviours.put(new Key(type, index), behaviour);
        return this;
    }

    FakeSlivers setRange(SliverType type, int fromInclusive, int toExclusive, Behaviour behaviour) {
        for (int i = fromInclusive; i < toExclusive; i++) {
            set(type, i, behaviour);
        }
        return this;
    }

    /** Behaviour of every sliver not set explicitly. */
    FakeSlivers otherwise(Behaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    List<Key> asked() {
        return List.copyOf(asked);
    }

    long askedOf(SliverType type) {
        return asked.stream().filter(k -> k.type() == type).count();
    }

    @Override
    public SliverData fetch(SliverType type, int index) throws IOException {
        Key key = new Key(type, index);
        asked.add(key);
        List<SliverData> axis = type == SliverType.PRIMARY ? blob.primarySlivers() : blob.secondarySlivers();
        SliverData genuine = axis.get(index);
        return switch (behaviours.getOrDefault(key, fallback)) {
            case OK -> genuine;
            case UNREACHABLE -> throw new ConnectException("connection refused (fake node for " + type + " " + index + ")");
            case NOT_FOUND -> throw new NodeApiException(404, "SLIVER_NOT_FOUND", "the requested sliver is unavailable");
            case CORRUPT -> {
                byte[] data = genuine.data().clone();
                data[data.length / 2] ^= 0x5A;
                yield new SliverData(type, index, genuine.symbolSize(), data);
            }
            case WRONG_INDEX -> {
                SliverData other = axis.get((index + 1) % axis.size());
                yield new SliverData(type, index, other.symbolSize(), other.data());
            }
            case OTHER_SLIVER -> axis.get((index + 1) % axis.size());
            case HANG -> {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("cancelled", e);
                }
                yield genuine;
            }
        };
    }
}
