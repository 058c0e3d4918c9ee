-- Issue 13: the indexer follows checkpoints over Sui gRPC. Its durable cursor is chain-client's
-- CheckpointCursor in text form ("<checkpoint>" = checkpoint done, "<checkpoint>:<position>" =
-- done up to that event position inside it). Existing rows stay readable: tx_digest / event_seq
-- keep the ID of the last ingested event (null until a batch with an event commits, as an
-- empty checkpoint batch stores only the checkpoint cursor). A row with events but no
-- checkpoint_cursor was written by the legacy JSON-RPC follower (see the README: a gRPC start over
-- such a row re-indexes from genesis).
alter table indexer_cursor
    alter column tx_digest drop not null,
    alter column event_seq drop not null,
    add column checkpoint_cursor varchar(32);
