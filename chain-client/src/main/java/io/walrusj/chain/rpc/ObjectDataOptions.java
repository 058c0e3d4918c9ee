package io.walrusj.chain.rpc;

import tools.jackson.databind.node.ObjectNode;

/**
 * Sui's {@code SuiObjectDataOptions} (camelCase JSON, every flag defaults to false): which parts
 * of an object {@code sui_getObject} and {@code sui_multiGetObjects} return.
 * {@code suix_getDynamicFieldObject} takes no options: the full node answers it with
 * {@code SuiObjectDataOptions::full_content()}, i.e. <em>without</em> BCS (see
 * {@link SuiRpcClient#getDynamicFieldObject}).
 */
public record ObjectDataOptions(
        boolean showType,
        boolean showOwner,
        boolean showPreviousTransaction,
        boolean showDisplay,
        boolean showContent,
        boolean showBcs,
        boolean showStorageRebate) {

    /** Type, owner and BCS: what the Walrus readers decode. */
    public static ObjectDataOptions bcs() {
        return new ObjectDataOptions(true, true, false, false, false, true, false);
    }

    /** Type, owner, previous transaction, content (parsed JSON) and BCS. */
    public static ObjectDataOptions full() {
        return new ObjectDataOptions(true, true, true, false, true, true, false);
    }

    /** Nothing but ID, version and digest. */
    public static ObjectDataOptions none() {
        return new ObjectDataOptions(false, false, false, false, false, false, false);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.NODES.objectNode();
        n.put("showType", showType);
        n.put("showOwner", showOwner);
        n.put("showPreviousTransaction", showPreviousTransaction);
        n.put("showDisplay", showDisplay);
        n.put("showContent", showContent);
        n.put("showBcs", showBcs);
        n.put("showStorageRebate", showStorageRebate);
        return n;
    }
}
