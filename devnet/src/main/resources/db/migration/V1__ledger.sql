-- The devnet ledger. Transactions are the source of truth: on start the contract state is rebuilt
-- by replaying them in order. Checkpoints, events and objects are the read side, written in the
-- same database transaction as the transaction row, so they never disagree with it.

CREATE TABLE checkpoints (
    sequence_number BIGINT PRIMARY KEY,
    digest          BYTEA  NOT NULL UNIQUE,
    previous_digest BYTEA,
    timestamp_ms    BIGINT NOT NULL,
    epoch           BIGINT NOT NULL
);

CREATE TABLE transactions (
    sequence_number BIGINT PRIMARY KEY,
    digest          BYTEA  NOT NULL UNIQUE,
    checkpoint      BIGINT NOT NULL REFERENCES checkpoints (sequence_number),
    sender          BYTEA  NOT NULL,
    tx_bytes        BYTEA  NOT NULL,
    signature       TEXT,
    timestamp_ms    BIGINT NOT NULL
);

CREATE TABLE events (
    tx_sequence  BIGINT  NOT NULL REFERENCES transactions (sequence_number),
    event_seq    INT     NOT NULL,
    tx_digest    BYTEA   NOT NULL,
    checkpoint   BIGINT  NOT NULL,
    package_id   BYTEA   NOT NULL,
    module       TEXT    NOT NULL, -- the module of the called function (Sui's transactionModule)
    event_type   TEXT    NOT NULL,
    sender       BYTEA   NOT NULL,
    bcs          BYTEA   NOT NULL,
    parsed_json  JSONB   NOT NULL,
    timestamp_ms BIGINT  NOT NULL,
    PRIMARY KEY (tx_sequence, event_seq)
);
CREATE INDEX events_by_type ON events (event_type, tx_sequence, event_seq);
CREATE INDEX events_by_type_prefix ON events (event_type text_pattern_ops);

CREATE TABLE objects (
    object_id        BYTEA   PRIMARY KEY,
    version          BIGINT  NOT NULL,
    digest           BYTEA   NOT NULL,
    object_type      TEXT    NOT NULL,
    owner_kind       TEXT    NOT NULL, -- AddressOwner | ObjectOwner | Shared | Immutable
    owner            BYTEA,
    initial_version  BIGINT,
    bcs              BYTEA   NOT NULL,
    content_json     JSONB   NOT NULL,
    previous_tx      BYTEA   NOT NULL,
    deleted          BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX objects_by_owner ON objects (owner) WHERE NOT deleted;

-- Dynamic fields (e.g. the system's inner state under its version, blob attributes): parent object,
-- BCS of the name and its type, and the field object id.
CREATE TABLE dynamic_fields (
    parent_id  BYTEA NOT NULL,
    name_type  TEXT  NOT NULL,
    name_bcs   BYTEA NOT NULL,
    name_json  JSONB NOT NULL,
    field_id   BYTEA NOT NULL,
    PRIMARY KEY (parent_id, name_type, name_bcs)
);
