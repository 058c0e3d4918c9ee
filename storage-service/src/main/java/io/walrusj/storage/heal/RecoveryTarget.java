package io.walrusj.storage.heal;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;

/**
 * One sliver to rebuild: sliver {@code index} of axis {@code type} of a blob whose (verified)
 * metadata is known. Its recovery symbols are the matrix elements of row {@code index} (primary) or
 * column {@code index} (secondary), one per source sliver of the orthogonal axis.
 */
record RecoveryTarget(BlobId blobId, EncodingConfig config, BlobMetadata metadata, SliverType type, int index) {

    /** s for a primary target, p for a secondary one. */
    int symbolsNeeded() {
        return config.symbolsForRecovery(type);
    }

    /** The axis of the slivers the symbols come from; also the proof axis to ask for. */
    SliverType sourceType() {
        return type.orthogonal();
    }

    /** The matrix element that source sliver {@code sourceIndex} contributes to this target. */
    SymbolId symbolFrom(int sourceIndex) {
        return type == SliverType.PRIMARY ? new SymbolId(index, sourceIndex) : new SymbolId(sourceIndex, index);
    }

    /** The sliver pair holding source sliver {@code sourceIndex}. */
    int sourcePair(int sourceIndex) {
        return config.pairIndex(sourceType(), sourceIndex);
    }

    int pair() {
        return config.pairIndex(type, index);
    }

    @Override
    public String toString() {
        return type.text() + " sliver " + index + " of " + blobId;
    }
}
