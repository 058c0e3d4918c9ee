package io.walrusj.gateway.resilience;

/**
 * Something the client did to a call (broke off or cut short its body, sent it too slowly or too
 * large, left before the answer): recorded as an ignored error, so it never counts against the
 * upstream's circuit and hands back the call's permission.
 */
final class ClientFault extends RuntimeException {

    ClientFault(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    static ClientFault of(Throwable cause) {
        return cause instanceof ClientFault fault ? fault : new ClientFault("client fault: " + cause, cause);
    }
}
