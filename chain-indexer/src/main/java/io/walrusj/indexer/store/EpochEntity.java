package io.walrusj.indexer.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code epochs} (written by {@link EpochDao}). */
@Entity
@Table(name = "epochs")
public class EpochEntity {

    @Id
    @Column(name = "epoch")
    private long epoch;

    @Column(name = "state", length = 24, nullable = false)
    private String state;

    @Column(name = "start_event_id")
    private Long startEventId;

    @Column(name = "start_tx_digest", length = 64)
    private String startTxDigest;

    @Column(name = "start_event_seq")
    private Long startEventSeq;

    @Column(name = "started_at_ms")
    private Long startedAtMs;

    @Column(name = "done_event_id")
    private Long doneEventId;

    @Column(name = "done_at_ms")
    private Long doneAtMs;

    @Column(name = "params_selected_event_id")
    private Long paramsSelectedEventId;

    @Column(name = "shards_received", nullable = false)
    private int shardsReceived;

    @Column(name = "committee_known", nullable = false)
    private boolean committeeKnown;

    protected EpochEntity() {
    }

    public long epoch() {
        return epoch;
    }

    public String state() {
        return state;
    }

    public Long startEventId() {
        return startEventId;
    }

    public String startTxDigest() {
        return startTxDigest;
    }

    public Long startEventSeq() {
        return startEventSeq;
    }

    public Long startedAtMs() {
        return startedAtMs;
    }

    public Long doneEventId() {
        return doneEventId;
    }

    public Long doneAtMs() {
        return doneAtMs;
    }

    public Long paramsSelectedEventId() {
        return paramsSelectedEventId;
    }

    public int shardsReceived() {
        return shardsReceived;
    }

    public boolean committeeKnown() {
        return committeeKnown;
    }
}
