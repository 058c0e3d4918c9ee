package io.walrusj.indexer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code blob_status}: the Walrus BlobStatus of one blob ID (written by {@link BlobStatusDao}). */
@Entity
@Table(name = "blob_status")
public class BlobStatusEntity {

    @Id
    @Column(name = "blob_id", length = 43)
    private String blobId;

    @Column(name = "status", length = 16, nullable = false)
    private String status;

    @Column(name = "is_certified")
    private Boolean certified;

    @Column(name = "end_epoch")
    private Long endEpoch;

    @Column(name = "status_tx_digest", length = 64)
    private String statusTxDigest;

    @Column(name = "status_event_seq")
    private Long statusEventSeq;

    @Column(name = "initial_certified_epoch")
    private Long initialCertifiedEpoch;

    @Column(name = "count_deletable_total", nullable = false)
    private int countDeletableTotal;

    @Column(name = "count_deletable_certified", nullable = false)
    private int countDeletableCertified;

    @Column(name = "invalid_tx_digest", length = 64)
    private String invalidTxDigest;

    @Column(name = "invalid_event_seq")
    private Long invalidEventSeq;

    @Column(name = "object_count", nullable = false)
    private int objectCount;

    @Column(name = "computed_epoch", nullable = false)
    private long computedEpoch;

    @Column(name = "updated_event_id", nullable = false)
    private long updatedEventId;

    protected BlobStatusEntity() {
    }

    public String blobId() {
        return blobId;
    }

    public String status() {
        return status;
    }

    public Boolean certified() {
        return certified;
    }

    public Long endEpoch() {
        return endEpoch;
    }

    public String statusTxDigest() {
        return statusTxDigest;
    }

    public Long statusEventSeq() {
        return statusEventSeq;
    }

    public Long initialCertifiedEpoch() {
        return initialCertifiedEpoch;
    }

    public int countDeletableTotal() {
        return countDeletableTotal;
    }

    public int countDeletableCertified() {
        return countDeletableCertified;
    }

    public String invalidTxDigest() {
        return invalidTxDigest;
    }

    public Long invalidEventSeq() {
        return invalidEventSeq;
    }

    public int objectCount() {
        return objectCount;
    }

    public long computedEpoch() {
        return computedEpoch;
    }

    public long updatedEventId() {
        return updatedEventId;
    }
}
