package io.walrusj.indexer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walrusj.indexer.store.BlobObjectEntity;
import io.walrusj.indexer.store.BlobObjectRepository;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "objects")
public class ObjectController {

    private final BlobObjectRepository objects;
    private final CurrentEpoch currentEpoch;

    ObjectController(BlobObjectRepository objects, CurrentEpoch currentEpoch) {
        this.objects = objects;
        this.currentEpoch = currentEpoch;
    }

    @GetMapping(path = "/v1/objects/{objectId}", produces = "application/json")
    @Operation(summary = "A Blob object by its object ID (0x hex; 400 if malformed, 404 if unknown)")
    Views.BlobObjectView object(@PathVariable String objectId) {
        String id = Params.address(objectId).toString();
        return objects.findById(id).map(o -> Views.BlobObjectView.of(o, currentEpoch.get()))
                .orElseThrow(() -> new NotFoundException("no Blob object " + id));
    }

    @GetMapping(path = "/v1/owners/{address}/blobs", produces = "application/json")
    @Operation(summary = "Blob objects registered by an account, in object-ID order, paged",
            description = "The owner is the account that registered the blob: the sender of the transaction that "
                    + "emitted BlobRegistered. Transfers of Blob objects emit no Walrus event and are not followed.")
    Views.OwnerObjectsView ownerBlobs(@PathVariable String address,
            @Parameter(description = "page size, 1..1000 (default 100)") @RequestParam(required = false) Integer limit,
            @Parameter(description = "the nextAfter of the previous page (an object ID)")
            @RequestParam(required = false) String after) {
        String owner = Params.address(address).toString();
        int n = Params.limit(limit, 100, 1000);
        String from = after == null || after.isEmpty() ? "" : Params.address(after).toString();
        long epoch = currentEpoch.get();
        List<BlobObjectEntity> page = objects.findByOwnerAndObjectIdGreaterThanOrderByObjectId(owner, from,
                Limit.of(n + 1));
        boolean more = page.size() > n;
        List<Views.BlobObjectView> views = page.stream().limit(n).map(o -> Views.BlobObjectView.of(o, epoch)).toList();
        String next = more ? views.getLast().objectId() : null;
        return new Views.OwnerObjectsView(owner, views, next);
    }
}
