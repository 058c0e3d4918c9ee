package io.walrusj.devnet.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Devnet configuration ({@code devnet.*}). The genesis part is read once, when the chain is
 * created; afterwards the genesis stored in the database wins, so a restart with other settings
 * cannot fork the chain.
 *
 * @param dataDir           where the embedded PostgreSQL keeps its data
 * @param epochCheckInterval how often the epoch clock looks whether an epoch change is due
 * @param firstCommitteeCandidates without a committee, advance to epoch 1 (committee selection) once
 *                           this many candidates have staked; 0 (default) waits for an explicit
 *                           {@code AdvanceEpoch}
 */
@ConfigurationProperties("devnet")
public record DevnetProperties(Path dataDir, @DefaultValue("1s") Duration epochCheckInterval,
        @DefaultValue("0") int firstCommitteeCandidates, @DefaultValue Genesis genesis) {

    /**
     * @param nShards              shards of the system (Walrus Mainnet: 1000; a small local network: 10)
     * @param epochDuration        length of an epoch
     * @param maxEpochsAhead       how far ahead storage can be bought
     * @param storagePricePerUnit  FROST per MiB of encoded size per epoch
     * @param writePricePerUnit    FROST per MiB of encoded size, once
     * @param totalCapacity        bytes of encoded storage the system sells per epoch
     * @param faucetEnabled        whether {@code Faucet} calls are accepted
     * @param faucetMaxAmount      the most FROST one {@code Faucet} call may mint (default 1,000,000 WAL);
     *                             null in a genesis stored before the cap existed: the default
     * @param admin                account (0x hex) that may send the privileged calls ({@code AdvanceEpoch})
     *                             besides the chain itself; none by default
     * @param fundedAccounts       address (0x hex) -> FROST at genesis
     * @param committee            storage nodes of the first committee (the chain then starts in epoch 1)
     */
    public record Genesis(@DefaultValue("10") int nShards, @DefaultValue("1h") Duration epochDuration,
            @DefaultValue("53") int maxEpochsAhead, @DefaultValue("100000") long storagePricePerUnit,
            @DefaultValue("20000") long writePricePerUnit, @DefaultValue("1099511627776") long totalCapacity,
            @DefaultValue("true") boolean faucetEnabled, @DefaultValue("1000000000000000") Long faucetMaxAmount,
            String admin, @DefaultValue Map<String, Long> fundedAccounts, @DefaultValue List<Node> committee) {}

    /**
     * @param blsPublicKey base64 of the 48-byte compressed BLS12-381 public key
     * @param operator     the node operator's account (0x hex)
     * @param stake        FROST staked with the node at genesis
     */
    public record Node(String name, String networkAddress, String blsPublicKey, String operator, long stake) {}
}
