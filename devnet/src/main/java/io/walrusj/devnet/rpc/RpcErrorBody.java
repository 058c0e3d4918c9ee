package io.walrusj.devnet.rpc;

import io.walrusj.web.ServiceErrorBody;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of errors no JSON-RPC handler answers (requests Tomcat rejects, unknown paths, the error
 * path; see service-web): a JSON-RPC error response with a null id, {@code -32603} for a 5xx and
 * {@code -32600} otherwise, with the HTTP status Tomcat chose.
 */
@Component
class RpcErrorBody implements ServiceErrorBody {
    @Override
    public ObjectNode body(int status, String message) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("jsonrpc", "2.0");
        response.putObject("error")
                .put("code", status >= 500 ? JsonRpcException.INTERNAL_ERROR : JsonRpcException.INVALID_REQUEST)
                .put("message", message);
        response.putNull("id");
        return response;
    }
}
