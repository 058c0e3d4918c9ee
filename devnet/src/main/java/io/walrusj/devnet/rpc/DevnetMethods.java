package io.walrusj.devnet.rpc;

import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.crypto.SuiSignature;
import io.walrusj.devnet.ledger.Ledger;
import io.walrusj.devnet.ledger.StoredEvent;
import io.walrusj.devnet.ledger.StoredObject;
import io.walrusj.devnet.ledger.TransactionRejectedException;
import io.walrusj.devnet.contract.ObjectChange;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The devnet's own methods: executing a signed transaction, WAL balances and chain info. A
 * rejected transaction is a JSON-RPC error with code {@value #TRANSACTION_REJECTED} and
 * {@code data.reason} (the Move abort name, or INVALID_SIGNATURE, INVALID_SENDER, MALFORMED,
 * DUPLICATE). The transaction format is chain-client's {@link io.walrusj.chain.devnet.DevnetTransaction};
 * its client is {@link io.walrusj.chain.devnet.DevnetClient}.
 */
@Component
public class DevnetMethods {
    public static final int TRANSACTION_REJECTED = -32002;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Ledger ledger;
    private final SuiJson json;

    public DevnetMethods(Ledger ledger, ObjectMapper mapper) {
        this.ledger = ledger;
        this.json = new SuiJson(mapper);
    }

    boolean handles(String method) {
        return method.startsWith("devnet_") || method.equals("suix_getBalance");
    }

    JsonNode call(String method, JsonNode params) {
        return switch (method) {
            case "devnet_executeTransaction" -> execute(params);
            case "devnet_getChainInfo" -> chainInfo();
            case "suix_getBalance" -> balance(params);
            default -> throw new JsonRpcException(JsonRpcException.METHOD_NOT_FOUND, "Method not found: " + method);
        };
    }

    /** params: [txBytes (base64), signature (base64 Sui signature)]. */
    private JsonNode execute(JsonNode params) {
        if (params == null || !params.isArray() || params.size() != 2 || !params.get(0).isString() || !params.get(1).isString()) {
            throw JsonRpcException.invalidParams("expected [txBytes base64, signature base64]");
        }
        byte[] txBytes;
        SuiSignature signature;
        try {
            txBytes = Base64.getDecoder().decode(params.get(0).asString());
            signature = SuiSignature.fromBase64(params.get(1).asString());
        } catch (IllegalArgumentException | CryptoException e) {
            throw JsonRpcException.invalidParams("bad base64 or signature: " + e.getMessage());
        }
        Ledger.Executed executed;
        try {
            executed = ledger.submit(txBytes, signature);
        } catch (TransactionRejectedException e) {
            throw new JsonRpcException(TRANSACTION_REJECTED, e.reason() + ": " + e.getMessage(),
                    F.objectNode().put("reason", e.reason()));
        }
        ObjectNode result = F.objectNode();
        result.put("digest", Base58.encode(executed.transaction().digest()));
        result.put("checkpoint", Long.toString(executed.checkpoint().sequenceNumber()));
        result.put("timestampMs", Long.toString(executed.transaction().timestampMs()));
        result.putObject("effects").putObject("status").put("status", "success");
        ArrayNode events = result.putArray("events");
        for (StoredEvent e : executed.committed().events()) {
            events.add(json.event(e));
        }
        ArrayNode changes = result.putArray("objectChanges");
        List<ObjectChange> kinds = executed.receipt().changes();
        for (int i = 0; i < kinds.size(); i++) {
            StoredObject o = executed.committed().objects().get(i); // same order as the receipt's changes
            ObjectNode change = changes.addObject();
            change.put("type", switch (kinds.get(i)) {
                case ObjectChange.Created c -> "created";
                case ObjectChange.Mutated m -> "mutated";
                case ObjectChange.Deleted d -> "deleted";
                case ObjectChange.Wrapped w -> "wrapped";
            });
            change.put("objectId", o.id().toString());
            change.put("objectType", o.type());
            change.put("version", Long.toString(o.version()));
            change.put("digest", Base58.encode(o.digest()));
        }
        return result;
    }

    private JsonNode chainInfo() {
        ObjectNode info = F.objectNode();
        info.put("packageId", ledger.genesis().packageId().toString());
        info.put("systemObjectId", ledger.system().systemObjectId().toString());
        info.put("stakingObjectId", ledger.system().stakingObjectId().toString());
        info.put("nShards", ledger.genesis().nShards());
        info.put("epoch", ledger.system().currentEpoch());
        info.put("epochDurationMs", Long.toString(ledger.genesis().epochDurationMs()));
        info.put("faucetEnabled", ledger.genesis().faucetEnabled());
        info.put("faucetMaxAmount", Long.toUnsignedString(ledger.genesis().faucetMaxAmount()));
        info.put("stateDigest", java.util.HexFormat.of().formatHex(ledger.stateDigest()));
        return info;
    }

    /** Sui's suix_getBalance(owner, coinType) for WAL, which the devnet keeps as account balances. */
    private JsonNode balance(JsonNode params) {
        if (params == null || !params.isArray() || params.isEmpty() || !params.get(0).isString()) {
            throw JsonRpcException.invalidParams("expected [owner, coinType?]");
        }
        SuiAddress owner = SuiReadMethods.address(params.get(0).asString());
        String coinType = ledger.genesis().packageId() + "::wal::WAL";
        ObjectNode result = F.objectNode();
        result.put("coinType", coinType);
        result.put("coinObjectCount", 1);
        result.put("totalBalance", Long.toUnsignedString(ledger.system().balance(owner)));
        result.putObject("lockedBalance");
        return result;
    }
}
