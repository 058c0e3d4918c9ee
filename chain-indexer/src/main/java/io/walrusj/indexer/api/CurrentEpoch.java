package io.walrusj.indexer.api;

import io.walrusj.indexer.store.EpochEntity;
import io.walrusj.indexer.store.EpochRepository;
import org.springframework.stereotype.Component;

/** The current epoch as indexed (the highest epoch seen; 0 before any). */
@Component
class CurrentEpoch {

    private final EpochRepository epochs;

    CurrentEpoch(EpochRepository epochs) {
        this.epochs = epochs;
    }

    long get() {
        return epochs.findTopByOrderByEpochDesc().map(EpochEntity::epoch).orElse(0L);
    }
}
