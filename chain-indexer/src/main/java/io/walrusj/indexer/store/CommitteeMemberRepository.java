package io.walrusj.indexer.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CommitteeMemberRepository extends JpaRepository<CommitteeMemberEntity, CommitteeMemberEntity.Key> {

    List<CommitteeMemberEntity> findByEpochOrderByNodeId(long epoch);
}
