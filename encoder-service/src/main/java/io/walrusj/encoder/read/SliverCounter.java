package io.walrusj.encoder.read;

import io.walrusj.core.sliver.SliverType;

/** Counts what happened to sliver requests (metrics); {@link #NONE} ignores it. */
interface SliverCounter {
    SliverCounter NONE = (type, result) -> { };

    enum Result { VERIFIED, NOT_FOUND, FAILED, INVALID }

    void count(SliverType type, Result result);
}
