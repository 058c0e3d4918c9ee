package io.walrusj.encoder.read;

import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.io.IOException;

/**
 * Where slivers of one blob come from: normally the storage node owning the shard of the sliver's
 * pair ({@link NodeSliverSource}); fakes in tests. What it returns is <em>unverified</em>: it may be
 * missing, late, the wrong sliver or corrupted, and is checked by {@link SliverCollector}.
 */
@FunctionalInterface
interface SliverSource {

    /**
     * @throws io.walrusj.nodeclient.NodeApiException the node answered with an error (404: it does not have it)
     * @throws IOException                            the node could not be reached or sent garbage
     */
    SliverData fetch(SliverType type, int sliverIndex) throws IOException;
}
