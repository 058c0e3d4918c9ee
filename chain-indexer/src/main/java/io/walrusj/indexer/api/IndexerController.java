package io.walrusj.indexer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.indexer.follow.FollowerRunner;
import io.walrusj.indexer.ingest.IngestService;
import io.walrusj.indexer.store.CursorEntity;
import io.walrusj.indexer.store.CursorRepository;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "indexer")
public class IndexerController {

    private final CursorRepository cursors;
    private final FollowerRunner runner;
    private final IngestService ingest;

    IndexerController(CursorRepository cursors, FollowerRunner runner, IngestService ingest) {
        this.cursors = cursors;
        this.runner = runner;
        this.ingest = ingest;
    }

    @GetMapping(path = "/v1/indexer", produces = "application/json")
    @Operation(summary = "The indexer's own state: committed cursor, last event, follower state, network")
    Views.IndexerView state() {
        Optional<CursorEntity> c = cursors.findById(ingest.stream());
        Optional<WalrusNetwork> net = runner.network();
        return new Views.IndexerView(ingest.stream(),
                c.map(CursorEntity::followerCursor).orElse(null),
                c.map(e -> Views.EventRef.of(e.txDigest(), e.eventSeq())).orElse(null),
                c.map(CursorEntity::lastEventId).orElse(0L),
                runner.state().map(Enum::name).orElse("NOT_RUNNING"),
                net.map(WalrusNetwork::name).orElse(null),
                net.map(n -> n.originalPackageId().toString()).orElse(null));
    }
}
