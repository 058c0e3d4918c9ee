package io.walrusj.encoder.committee;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.follow.WalrusFollower;
import io.walrusj.chain.model.WalrusEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The handler and the in-memory cursor of the encoder's follower: events holding
 * {@code EpochChangeStart} (the new committee takes over) or {@code EpochChangeDone} re-read the
 * committee; other events are not the encoder's business. The cursor is kept only after the
 * re-read succeeded, so a failed one throws and the follower delivers the events again after its
 * backoff. The encoder is stateless: a restart starts from the chain's latest checkpoint again.
 */
final class EpochChanges implements WalrusFollower.Handler, WalrusFollower.CursorStore {
    private final Runnable refresh;
    private final AtomicReference<String> cursor = new AtomicReference<>();

    EpochChanges(Runnable refresh) {
        this.refresh = refresh;
    }

    @Override
    public void handle(List<WalrusEventEnvelope> events, String newCursor) {
        if (events.stream().map(WalrusEventEnvelope::event).anyMatch(EpochChanges::changesEpoch)) {
            refresh.run();
        }
        cursor.set(newCursor);
    }

    @Override
    public Optional<String> load() {
        return Optional.ofNullable(cursor.get());
    }

    static boolean changesEpoch(WalrusEvent event) {
        return event instanceof WalrusEvent.EpochChangeStart || event instanceof WalrusEvent.EpochChangeDone;
    }
}
