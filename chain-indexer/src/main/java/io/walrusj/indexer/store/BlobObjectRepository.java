package io.walrusj.indexer.store;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BlobObjectRepository extends JpaRepository<BlobObjectEntity, String> {

    List<BlobObjectEntity> findByBlobIdOrderByObjectId(String blobId, Limit limit);

    /** Keyset page of an owner's objects in object-ID order. */
    List<BlobObjectEntity> findByOwnerAndObjectIdGreaterThanOrderByObjectId(String owner, String after, Limit limit);
}
