package io.walrusj.chain.devnet;

import io.walrusj.chain.rpc.Json;
import io.walrusj.core.crypto.SuiAddress;
import java.time.Duration;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The devnet's {@code devnet_getChainInfo} result:
 *
 * <pre>{@code
 * {"packageId":"0x..","systemObjectId":"0x..","stakingObjectId":"0x..",
 *  "nShards":10,"epoch":1,"epochDurationMs":"3600000","faucetEnabled":false}
 * }</pre>
 *
 * @param packageId the Walrus package id (event and object types are {@code <packageId>::module::Type})
 * @param systemObjectId the shared {@code System} object
 * @param stakingObjectId the shared {@code Staking} object
 * @param nShards the number of shards
 * @param epoch the current epoch when the answer was made
 * @param epochDurationMs the epoch duration in milliseconds
 * @param faucetEnabled whether {@link Call.Faucet} may mint WAL
 */
public record ChainInfo(SuiAddress packageId, SuiAddress systemObjectId, SuiAddress stakingObjectId, int nShards,
        long epoch, long epochDurationMs, boolean faucetEnabled) {

    public ChainInfo {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(systemObjectId, "systemObjectId");
        Objects.requireNonNull(stakingObjectId, "stakingObjectId");
    }

    /** The devnet as a {@link io.walrusj.chain.WalrusNetwork} (package, System and Staking ids). */
    public io.walrusj.chain.WalrusNetwork network() {
        return io.walrusj.chain.WalrusNetwork.custom("devnet", packageId, systemObjectId, stakingObjectId);
    }

    /** The epoch duration. */
    public Duration epochDuration() {
        return Duration.ofMillis(epochDurationMs);
    }

    /** Parses the result of {@code method} (numbers may be JSON integers or decimal strings). */
    static ChainInfo fromJson(String method, JsonNode result) {
        String p = "result";
        long nShards = Json.u64(method, Json.required(method, result, p, "nShards"), p + ".nShards");
        if (nShards < 1 || nShards > 0xFFFF) {
            throw Json.bad(method, p + ".nShards", "out of range: " + Long.toUnsignedString(nShards));
        }
        return new ChainInfo(
                Json.objectId(method, Json.required(method, result, p, "packageId"), p + ".packageId"),
                Json.objectId(method, Json.required(method, result, p, "systemObjectId"), p + ".systemObjectId"),
                Json.objectId(method, Json.required(method, result, p, "stakingObjectId"), p + ".stakingObjectId"),
                (int) nShards,
                Json.u64(method, Json.required(method, result, p, "epoch"), p + ".epoch"),
                Json.u64(method, Json.required(method, result, p, "epochDurationMs"), p + ".epochDurationMs"),
                Json.requiredBoolean(method, result, p, "faucetEnabled"));
    }
}
