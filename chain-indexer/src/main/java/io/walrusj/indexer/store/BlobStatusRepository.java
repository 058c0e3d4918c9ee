package io.walrusj.indexer.store;

import org.springframework.data.jpa.repository.JpaRepository;

public interface BlobStatusRepository extends JpaRepository<BlobStatusEntity, String> {
}
