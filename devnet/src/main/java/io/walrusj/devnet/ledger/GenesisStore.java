package io.walrusj.devnet.ledger;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored genesis: configuration JSON and creation time, written once. */
@Repository
public class GenesisStore {
    private final JdbcClient jdbc;

    public GenesisStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredGenesis(String configJson, long createdMs) {}

    public Optional<StoredGenesis> load() {
        return jdbc.sql("select config::text, created_ms from genesis where id = 1")
                .query((rs, row) -> new StoredGenesis(rs.getString(1), rs.getLong(2)))
                .optional();
    }

    public void save(StoredGenesis genesis) {
        jdbc.sql("insert into genesis (id, config, created_ms) values (1, cast(? as jsonb), ?)")
                .params(genesis.configJson(), genesis.createdMs())
                .update();
    }
}
