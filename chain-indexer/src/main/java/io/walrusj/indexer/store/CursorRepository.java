package io.walrusj.indexer.store;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CursorRepository extends JpaRepository<CursorEntity, String> {
}
