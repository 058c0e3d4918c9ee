package io.walrusj.indexer.ingest;

/** Told about every committed batch (after the commit), e.g. for metrics and the event feed. Must not throw. */
public interface IngestListener {

    void committed(BatchResult result);
}
