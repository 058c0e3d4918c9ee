-- The genesis the chain was created with (the devnet.genesis settings and the creation time), so a
-- restart rebuilds exactly the same chain whatever the current configuration says.
CREATE TABLE genesis (
    id          INT    PRIMARY KEY CHECK (id = 1),
    config      JSONB  NOT NULL,
    created_ms  BIGINT NOT NULL
);
