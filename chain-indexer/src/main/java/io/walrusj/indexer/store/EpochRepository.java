package io.walrusj.indexer.store;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EpochRepository extends JpaRepository<EpochEntity, Long> {

    /** The current epoch: the highest one seen. */
    Optional<EpochEntity> findTopByOrderByEpochDesc();
}
