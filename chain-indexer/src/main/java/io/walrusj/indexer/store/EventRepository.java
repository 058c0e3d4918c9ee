package io.walrusj.indexer.store;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EventRepository extends JpaRepository<EventEntity, Long> {

    List<EventEntity> findByIdGreaterThanOrderById(long after, Limit limit);

    Optional<EventEntity> findTopByOrderByIdDesc();

    Optional<EventEntity> findByTxDigestAndEventSeq(String txDigest, long eventSeq);
}
