package io.walrusj.indexer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walrusj.indexer.store.CommitteeMemberRepository;
import io.walrusj.indexer.store.EpochRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "epochs")
public class EpochController {

    private final EpochRepository epochs;
    private final CommitteeMemberRepository members;

    EpochController(EpochRepository epochs, CommitteeMemberRepository members) {
        this.epochs = epochs;
        this.members = members;
    }

    @GetMapping(path = "/v1/epochs/current", produces = "application/json")
    @Operation(summary = "The current epoch (the highest seen in the event stream; 404 before any)")
    Views.EpochView current() {
        return epochs.findTopByOrderByEpochDesc().map(Views.EpochView::of)
                .orElseThrow(() -> new NotFoundException("no epoch seen yet"));
    }

    @GetMapping(path = "/v1/committee", produces = "application/json")
    @Operation(summary = "The committee (node ID -> shards) of an epoch, by default the current one",
            description = "Read from the Staking object when EpochChangeStart was ingested; 404 if it could not be read.")
    Views.CommitteeView committee(@RequestParam(required = false) Long epoch) {
        long e = epoch != null ? Params.nonNegative("epoch", epoch)
                : epochs.findTopByOrderByEpochDesc().orElseThrow(() -> new NotFoundException("no epoch seen yet"))
                        .epoch();
        List<Views.CommitteeMemberView> list = members.findByEpochOrderByNodeId(e).stream()
                .map(Views.CommitteeMemberView::of).toList();
        if (list.isEmpty()) {
            throw new NotFoundException("the committee of epoch " + e + " is not known");
        }
        return new Views.CommitteeView(e, list.stream().mapToInt(Views.CommitteeMemberView::shardCount).sum(), list);
    }
}
