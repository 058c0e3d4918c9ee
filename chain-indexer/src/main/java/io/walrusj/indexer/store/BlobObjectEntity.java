package io.walrusj.indexer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code blob_objects}: one Walrus {@code Blob} object (read side; written by {@link BlobObjectDao}). */
@Entity
@Table(name = "blob_objects")
public class BlobObjectEntity {

    @Id
    @Column(name = "object_id", length = 66)
    private String objectId;

    @Column(name = "blob_id", length = 43, nullable = false)
    private String blobId;

    @Column(name = "owner", length = 66)
    private String owner;

    @Column(name = "registered_epoch")
    private Long registeredEpoch;

    @Column(name = "certified_epoch")
    private Long certifiedEpoch;

    @Column(name = "end_epoch", nullable = false)
    private long endEpoch;

    @Column(name = "deletable", nullable = false)
    private boolean deletable;

    @Column(name = "size")
    private Long size;

    @Column(name = "encoding_type")
    private Short encodingType;

    @Column(name = "deleted", nullable = false)
    private boolean deleted;

    @Column(name = "invalid", nullable = false)
    private boolean invalid;

    @Column(name = "registered_event_id")
    private Long registeredEventId;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "last_tx_digest", length = 64, nullable = false)
    private String lastTxDigest;

    @Column(name = "last_event_seq", nullable = false)
    private long lastEventSeq;

    protected BlobObjectEntity() {
    }

    public String objectId() {
        return objectId;
    }

    public String blobId() {
        return blobId;
    }

    public String owner() {
        return owner;
    }

    public Long registeredEpoch() {
        return registeredEpoch;
    }

    public Long certifiedEpoch() {
        return certifiedEpoch;
    }

    public long endEpoch() {
        return endEpoch;
    }

    public boolean deletable() {
        return deletable;
    }

    public Long size() {
        return size;
    }

    public Short encodingType() {
        return encodingType;
    }

    public boolean deleted() {
        return deleted;
    }

    public boolean invalid() {
        return invalid;
    }

    public Long registeredEventId() {
        return registeredEventId;
    }

    public long lastEventId() {
        return lastEventId;
    }

    public String lastTxDigest() {
        return lastTxDigest;
    }

    public long lastEventSeq() {
        return lastEventSeq;
    }
}
