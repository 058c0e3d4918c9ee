-- chain-indexer schema. Ids are text in their canonical forms: object IDs and addresses 0x + 64
-- lower-case hex, blob IDs the 43-character URL-safe base64 form, transaction digests Base58.
-- u32 epochs and u64 values are bigint (u64 keep their raw 64 bits).

-- The follower's durable cursor: the last event whose effects are committed (one row per stream).
-- Updated in the same transaction as the effects of the batch it ends.
create table indexer_cursor (
    stream        varchar(32)  primary key,
    tx_digest     varchar(64)  not null,
    event_seq     bigint       not null,
    last_event_id bigint       not null,
    updated_at    timestamptz  not null
);

-- The full Walrus event log, in chain order. id is the 1-based position of the event in the
-- stream, assigned by the indexer without gaps (last_event_id of the cursor + 1, ...).
create table events (
    id           bigint       primary key,
    tx_digest    varchar(64)  not null,
    event_seq    bigint       not null,
    type         text         not null,
    name         varchar(64)  not null,
    sender       varchar(66)  not null,
    timestamp_ms bigint,
    json         jsonb,
    bcs          bytea        not null,
    constraint events_event_id_uk unique (tx_digest, event_seq)
);

-- One row per Walrus Blob object ever registered.
create table blob_objects (
    object_id           varchar(66) primary key,
    blob_id             varchar(43) not null,
    owner               varchar(66),           -- sender of the BlobRegistered transaction (the registering account)
    registered_epoch    bigint,
    certified_epoch     bigint,
    end_epoch           bigint      not null,  -- exclusive: expired once end_epoch <= current epoch
    deletable           boolean     not null,
    size                bigint,                -- unencoded size (u64)
    encoding_type       smallint,
    deleted             boolean     not null default false,
    invalid             boolean     not null default false,
    registered_event_id bigint,
    last_event_id       bigint      not null,  -- events.id of the last event that changed this object
    last_tx_digest      varchar(64) not null,
    last_event_seq      bigint      not null
);
create index blob_objects_blob_id_idx on blob_objects (blob_id);
create index blob_objects_owner_idx on blob_objects (owner, object_id);
create index blob_objects_live_end_epoch_idx on blob_objects (end_epoch) where not deleted;

-- The Walrus BlobStatus of each blob ID (walrus-storage-node-api.md 5.3), as of computed_epoch
-- (always the current epoch: rows are recomputed in the transaction that changes their objects
-- or lets them expire).
create table blob_status (
    blob_id                   varchar(43) primary key,
    status                    varchar(16) not null,  -- nonexistent | invalid | permanent | deletable
    is_certified              boolean,
    end_epoch                 bigint,
    status_tx_digest          varchar(64),
    status_event_seq          bigint,
    initial_certified_epoch   bigint,
    count_deletable_total     integer     not null,
    count_deletable_certified integer     not null,
    invalid_tx_digest         varchar(64),
    invalid_event_seq         bigint,
    object_count              integer     not null,
    computed_epoch            bigint      not null,
    updated_event_id          bigint      not null
);

-- Epochs seen in the event stream. state follows the staking EpochState:
-- EPOCH_CHANGE_SYNC (after EpochChangeStart), EPOCH_CHANGE_DONE, NEXT_PARAMS_SELECTED, or
-- OBSERVED for an epoch known only from the epoch field of blob events.
create table epochs (
    epoch                    bigint      primary key,
    state                    varchar(24) not null,
    start_event_id           bigint,
    start_tx_digest          varchar(64),
    start_event_seq          bigint,
    started_at_ms            bigint,
    done_event_id            bigint,
    done_at_ms               bigint,
    params_selected_event_id bigint,
    shards_received          integer     not null default 0,
    committee_known          boolean     not null default false
);

-- Committee of an epoch: node ID -> shard indices (read from the Staking object at EpochChangeStart).
create table committee_members (
    epoch                    bigint      not null,
    node_id                  varchar(66) not null,
    shards                   integer[]   not null,
    shard_count              integer     not null,
    shards_received_event_id bigint,     -- the ShardsReceived event reporting exactly these shards
    primary key (epoch, node_id)
);
