package io.walrusj.indexer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the event log {@code events} (written by {@link EventLogDao}). */
@Entity
@Table(name = "events")
public class EventEntity {

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "tx_digest", length = 64, nullable = false)
    private String txDigest;

    @Column(name = "event_seq", nullable = false)
    private long eventSeq;

    @Column(name = "type", nullable = false, columnDefinition = "text")
    private String type;

    @Column(name = "name", length = 64, nullable = false)
    private String name;

    @Column(name = "sender", length = 66, nullable = false)
    private String sender;

    @Column(name = "timestamp_ms")
    private Long timestampMs;

    @Column(name = "json", columnDefinition = "jsonb")
    private String json;

    @Column(name = "bcs", nullable = false)
    private byte[] bcs;

    protected EventEntity() {
    }

    public long id() {
        return id;
    }

    public String txDigest() {
        return txDigest;
    }

    public long eventSeq() {
        return eventSeq;
    }

    public String type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String sender() {
        return sender;
    }

    public Long timestampMs() {
        return timestampMs;
    }

    public String json() {
        return json;
    }

    public byte[] bcs() {
        return bcs;
    }
}
