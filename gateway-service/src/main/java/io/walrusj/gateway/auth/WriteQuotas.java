package io.walrusj.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes stored per API client, against its quota. A store reserves its size before it starts, so
 * concurrent stores can never together pass the quota (each reservation is checked and taken
 * atomically); the reservation becomes usage only when the store succeeded and is handed back
 * otherwise (upstream error, client abort, gateway error): failed stores cost nothing.
 *
 * <p>Usage is kept in memory per gateway replica and starts at zero on restart.
 */
public final class WriteQuotas {

    /** A client's bytes: committed by successful stores, and reserved by stores in flight. */
    private static final class Usage {
        long committed;
        long reserved;
    }

    /** Space held for one store in flight; settle it exactly once. */
    public final class Reservation {
        private final String client;
        private final long bytes;
        private boolean settled;

        private Reservation(String client, long bytes) {
            this.client = client;
            this.bytes = bytes;
        }

        /** The store succeeded with {@code storedBytes} (at most the reserved size). */
        public void commit(long storedBytes) {
            settle(Math.min(Math.max(0, storedBytes), bytes));
        }

        /** The store did not happen. */
        public void release() {
            settle(0);
        }

        private void settle(long committedBytes) {
            Usage usage = usages.get(client);
            synchronized (usage) {
                if (settled) {
                    return;
                }
                settled = true;
                usage.reserved -= bytes;
                usage.committed += committedBytes;
            }
        }
    }

    /** Why a store may not start. */
    public sealed interface Decision {
    }

    public record Granted(Reservation reservation) implements Decision {
    }

    public record Refused(String message) implements Decision {
    }

    private final Map<String, Usage> usages = new ConcurrentHashMap<>();

    /** Reserves {@code bytes} for a store of {@code epochs} epochs, or says why not. */
    public Decision reserve(ApiKeys.Client client, long bytes, long epochs) {
        if (epochs > client.maxEpochs()) {
            return new Refused("storing for " + epochs + " epochs exceeds this client's maximum of "
                    + client.maxEpochs() + " epochs");
        }
        Usage usage = usages.computeIfAbsent(client.name(), name -> new Usage());
        synchronized (usage) {
            long wouldUse = usage.committed + usage.reserved + bytes;
            if (bytes > client.maxBytes() || wouldUse > client.maxBytes()) {
                return new Refused("storing " + bytes + " more bytes exceeds this client's quota of "
                        + client.maxBytes() + " bytes (" + usage.committed + " stored, " + usage.reserved
                        + " in stores in progress)");
            }
            usage.reserved += bytes;
        }
        return new Granted(new Reservation(client.name(), bytes));
    }

    /** Bytes committed by the client's successful stores. */
    public long storedBytes(String client) {
        Usage usage = usages.get(client);
        if (usage == null) {
            return 0;
        }
        synchronized (usage) {
            return usage.committed;
        }
    }
}
