package io.walrusj.indexer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of {@code committee_members}: the shards of one node in one epoch (written by {@link EpochDao}). */
@Entity
@Table(name = "committee_members")
@IdClass(CommitteeMemberEntity.Key.class)
public class CommitteeMemberEntity {

    /** The composite primary key. */
    public record Key(long epoch, String nodeId) implements Serializable {
        public Key() {
            this(0, null);
        }
    }

    @Id
    @Column(name = "epoch")
    private long epoch;

    @Id
    @Column(name = "node_id", length = 66)
    private String nodeId;

    @Column(name = "shards", nullable = false)
    private int[] shards;

    @Column(name = "shard_count", nullable = false)
    private int shardCount;

    @Column(name = "shards_received_event_id")
    private Long shardsReceivedEventId;

    protected CommitteeMemberEntity() {
    }

    public long epoch() {
        return epoch;
    }

    public String nodeId() {
        return nodeId;
    }

    public int[] shards() {
        return shards.clone();
    }

    public int shardCount() {
        return shardCount;
    }

    public Long shardsReceivedEventId() {
        return shardsReceivedEventId;
    }
}
