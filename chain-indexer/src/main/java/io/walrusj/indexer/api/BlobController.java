package io.walrusj.indexer.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walrusj.indexer.store.BlobObjectRepository;
import io.walrusj.indexer.store.BlobStatusRepository;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/v1/blobs", produces = "application/json")
@Tag(name = "blobs")
public class BlobController {

    /** At most this many objects are listed per blob ID. */
    static final int MAX_OBJECTS = 1000;

    private final BlobStatusRepository statuses;
    private final BlobObjectRepository objects;
    private final CurrentEpoch currentEpoch;

    BlobController(BlobStatusRepository statuses, BlobObjectRepository objects, CurrentEpoch currentEpoch) {
        this.statuses = statuses;
        this.objects = objects;
        this.currentEpoch = currentEpoch;
    }

    @GetMapping("/{blobId}")
    @Operation(summary = "Walrus BlobStatus of a blob ID (400: malformed blob ID; 404: never registered)")
    Views.BlobStatusView status(@PathVariable String blobId) {
        String id = Params.blobId(blobId).toString();
        return statuses.findById(id).map(Views.BlobStatusView::of)
                .orElseThrow(() -> new NotFoundException("blob ID " + id + " was never registered"));
    }

    @GetMapping("/{blobId}/objects")
    @Operation(summary = "The Blob objects of a blob ID, in object-ID order (at most 1000)")
    Views.BlobObjectsView objects(@PathVariable String blobId) {
        String id = Params.blobId(blobId).toString();
        long epoch = currentEpoch.get();
        List<Views.BlobObjectView> list = objects.findByBlobIdOrderByObjectId(id, Limit.of(MAX_OBJECTS)).stream()
                .map(o -> Views.BlobObjectView.of(o, epoch)).toList();
        if (list.isEmpty()) {
            throw new NotFoundException("blob ID " + id + " was never registered");
        }
        return new Views.BlobObjectsView(id, list);
    }
}
