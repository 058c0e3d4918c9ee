package io.walrusj.indexer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The row of {@code indexer_cursor} of one event stream (written by {@link CursorDao}). */
@Entity
@Table(name = "indexer_cursor")
public class CursorEntity {

    @Id
    @Column(name = "stream", length = 32)
    private String stream;

    @Column(name = "tx_digest", length = 64)
    private String txDigest;

    @Column(name = "event_seq")
    private Long eventSeq;

    @Column(name = "checkpoint_cursor", length = 32)
    private String checkpointCursor;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected CursorEntity() {
    }

    public String stream() {
        return stream;
    }

    /** The last ingested event's transaction digest (null before any event). */
    public String txDigest() {
        return txDigest;
    }

    /** The last ingested event's sequence number in its transaction (null before any event). */
    public Long eventSeq() {
        return eventSeq;
    }

    /** The checkpoint follower's cursor text (null in a row of the legacy JSON-RPC follower). */
    public String checkpointCursor() {
        return checkpointCursor;
    }

    public long lastEventId() {
        return lastEventId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
