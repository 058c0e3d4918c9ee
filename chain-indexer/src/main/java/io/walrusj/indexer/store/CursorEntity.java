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

    @Column(name = "follower_cursor", length = 128)
    private String followerCursor;

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

    /** The follower's cursor text ({@code checkpoint:...} over gRPC, {@code event:...} over legacy JSON-RPC). */
    public String followerCursor() {
        return followerCursor;
    }

    public long lastEventId() {
        return lastEventId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
