package io.walrusj.devnet.rpc;

import tools.jackson.databind.JsonNode;

/** Sui's SuiObjectDataOptions: which parts of an object to return (all off by default). */
record ObjectOptions(boolean showType, boolean showOwner, boolean showPreviousTransaction, boolean showContent, boolean showBcs) {

    static ObjectOptions from(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new ObjectOptions(false, false, false, false, false);
        }
        if (!node.isObject()) {
            throw JsonRpcException.invalidParams("object options must be an object");
        }
        return new ObjectOptions(flag(node, "showType"), flag(node, "showOwner"), flag(node, "showPreviousTransaction"),
                flag(node, "showContent"), flag(node, "showBcs"));
    }

    private static boolean flag(JsonNode node, String name) {
        return SuiReadMethods.flag(node.get(name), name);
    }
}
