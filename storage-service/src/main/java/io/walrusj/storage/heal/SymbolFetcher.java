package io.walrusj.storage.heal;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.GeneralRecoverySymbol;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.core.sliver.SymbolId;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One {@code recoverySymbols?id=...&proofAxis=} request to a peer (node-client's
 * {@code StorageNodeClient::recoverySymbols}); an interface so tests can stand in for peers.
 */
@FunctionalInterface
public interface SymbolFetcher {
    /** The listed symbols the node can serve (unverified), proofs over {@code proofAxis}. */
    List<GeneralRecoverySymbol> fetch(URI node, BlobId blobId, List<SymbolId> ids, SliverType proofAxis) throws IOException;
}
