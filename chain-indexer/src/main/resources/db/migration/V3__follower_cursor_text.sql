-- chain-client's factory (Chain.follow) hands the follower's cursor over as text naming its
-- transport: "checkpoint:<seq>" / "checkpoint:<seq>:<position>" (Sui gRPC checkpoints) or
-- "event:<txDigest>:<eventSeq>" (legacy JSON-RPC suix_queryEvents). One column holds it; rows of
-- V2 (bare checkpoint cursors) and of V1 (the legacy follower's event cursor in tx_digest /
-- event_seq) are rewritten into that form. tx_digest / event_seq keep the last ingested event.
alter table indexer_cursor rename column checkpoint_cursor to follower_cursor;
alter table indexer_cursor alter column follower_cursor type varchar(128);
update indexer_cursor set follower_cursor = 'checkpoint:' || follower_cursor where follower_cursor is not null;
update indexer_cursor set follower_cursor = 'event:' || tx_digest || ':' || event_seq
    where follower_cursor is null and tx_digest is not null;
