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

    @Column(name = "tx_digest", length = 64, nullable = false)
    private String txDigest;

    @Column(name = "event_seq", nullable = false)
    private long eventSeq;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected CursorEntity() {
    }

    public String stream() {
        return stream;
    }

    public String txDigest() {
        return txDigest;
    }

    public long eventSeq() {
        return eventSeq;
    }

    public long lastEventId() {
        return lastEventId;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
