package io.walrusj.chain.devnet;

import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.rpc.SuiRpcException;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The write client of the walrusj devnet, on top of a {@link SuiRpcClient} (same endpoint as the
 * Sui-shaped reads, same typed failures). Thread-safe.
 *
 * <ul>
 *   <li>{@link #execute(Ed25519KeyPair, Call)}: builds a {@link DevnetTransaction} with a fresh
 *       nonce, signs it and sends {@code devnet_executeTransaction([txBytes base64, signature
 *       base64])}; a rejection (JSON-RPC error {@value #TRANSACTION_REJECTED}) becomes a
 *       {@link TransactionRejectedException} carrying {@code data.reason};
 *   <li>{@link #balance(SuiAddress)}: {@code suix_getBalance([owner])}, the WAL balance in FROST;
 *   <li>{@link #chainInfo()}: {@code devnet_getChainInfo([])}.
 * </ul>
 *
 * <p>Other failures surface as {@link SuiRpcClient} reports them: {@link SuiRpcException} for any
 * other JSON-RPC error (e.g. -32602 for params the devnet cannot decode),
 * {@link io.walrusj.chain.rpc.SuiTransportException}, {@link io.walrusj.chain.rpc.SuiProtocolException}.
 * Nothing is retried: a transaction whose answer was lost may or may not have executed; re-sending
 * the same {@link DevnetTransaction.Signed} with {@link #submit} is safe (at most one executes, the
 * other is rejected as {@code DUPLICATE}).
 *
 * <p>Nonces: {@code max(previous + 1, (wall-clock ms << 20) | salt)} with a random 20-bit salt per
 * client, so one client's transactions never share a digest and two clients signing the same call
 * with the same key in the same millisecond collide only if their salts are equal.
 */
public final class DevnetClient implements AutoCloseable {

    /** The JSON-RPC error code of a rejected transaction. */
    public static final int TRANSACTION_REJECTED = -32002;

    static final String EXECUTE = "devnet_executeTransaction";
    static final String CHAIN_INFO = "devnet_getChainInfo";
    static final String GET_BALANCE = "suix_getBalance";

    private final SuiRpcClient rpc;
    private final boolean ownsRpc;
    private final LongSupplier clockMs;
    private final long salt;
    private final AtomicLong lastNonce = new AtomicLong();

    private DevnetClient(SuiRpcClient rpc, boolean ownsRpc, LongSupplier clockMs, long salt) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.ownsRpc = ownsRpc;
        this.clockMs = clockMs;
        this.salt = salt & 0xF_FFFFL;
    }

    /** A client on {@code rpc}; {@link #close()} leaves {@code rpc} open. */
    public DevnetClient(SuiRpcClient rpc) {
        this(rpc, false, System::currentTimeMillis, new SecureRandom().nextLong());
    }

    /** A client with its own {@link SuiRpcClient} for {@code endpoint} (default timeouts), closed by {@link #close()}. */
    public static DevnetClient create(URI endpoint) {
        return new DevnetClient(SuiRpcClient.create(endpoint), true, System::currentTimeMillis,
                new SecureRandom().nextLong());
    }

    /** For tests: a fixed clock and salt make nonces predictable. */
    static DevnetClient withClock(SuiRpcClient rpc, LongSupplier clockMs, long salt) {
        return new DevnetClient(rpc, false, clockMs, salt);
    }

    /** The underlying JSON-RPC client (for the Sui-shaped reads). */
    public SuiRpcClient rpc() {
        return rpc;
    }

    // ------------------------------------------------------------------ writes

    /**
     * Signs {@code call} from {@code key}'s address with a fresh nonce, submits it and waits for
     * its execution (the devnet executes synchronously).
     *
     * @throws TransactionRejectedException if the devnet rejected it (nothing changed)
     */
    public Executed execute(Ed25519KeyPair key, Call call) {
        return submit(sign(key, call));
    }

    /** {@link #execute(Ed25519KeyPair, Call)} with a caller-chosen nonce (a u64, any 64 bits). */
    public Executed execute(Ed25519KeyPair key, long nonce, Call call) {
        return submit(DevnetTransaction.sign(key, nonce, call));
    }

    /** Builds and signs a transaction with a fresh nonce without sending it (its digest is known before submission). */
    public DevnetTransaction.Signed sign(Ed25519KeyPair key, Call call) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(call, "call");
        return DevnetTransaction.sign(key, nextNonce(), call);
    }

    /**
     * Sends an already signed transaction: {@code devnet_executeTransaction([base64(txBytes),
     * base64(signature)])}. The digest in the answer must equal the locally computed one.
     *
     * @throws TransactionRejectedException on a JSON-RPC error with code {@value #TRANSACTION_REJECTED}
     */
    public Executed submit(DevnetTransaction.Signed signed) {
        Objects.requireNonNull(signed, "signed");
        String digest = Base58.encode(DevnetTransaction.digest(signed.txBytes()));
        ArrayNode params = Json.NODES.arrayNode();
        params.add(Base64.getEncoder().encodeToString(signed.txBytes()));
        params.add(signed.signature().toBase64());
        JsonNode result;
        try {
            result = rpc.call(EXECUTE, params);
        } catch (SuiRpcException e) {
            if (e.code() != TRANSACTION_REJECTED) {
                throw e;
            }
            String reason = e.data().map(d -> d.get("reason")).filter(JsonNode::isString).map(JsonNode::stringValue)
                    .orElse(TransactionRejectedException.UNKNOWN);
            throw new TransactionRejectedException(reason, digest, e.rpcMessage(), e);
        }
        Executed executed = Executed.fromJson(EXECUTE, result);
        if (!executed.digest().equals(digest)) {
            throw Json.bad(EXECUTE, "result.digest", "expected " + digest + ", got " + executed.digest());
        }
        return executed;
    }

    /** The next nonce: strictly increasing per client (from 1), at least {@code (now ms << 20) | salt}. */
    public long nextNonce() {
        long floor = (clockMs.getAsLong() << 20) | salt;
        return lastNonce.updateAndGet(previous -> Math.max(previous + 1, floor));
    }

    // ------------------------------------------------------------------ reads

    /** {@code suix_getBalance([owner])}: the WAL balance of {@code owner} in FROST ({@code totalBalance}). */
    public long balance(SuiAddress owner) {
        Objects.requireNonNull(owner, "owner");
        ArrayNode params = Json.NODES.arrayNode();
        params.add(owner.toString());
        JsonNode result = rpc.call(GET_BALANCE, params);
        return Json.u64(GET_BALANCE, Json.required(GET_BALANCE, result, "result", "totalBalance"),
                "result.totalBalance");
    }

    /** {@code devnet_getChainInfo([])}: package and shared object ids, shards, current epoch, epoch duration, faucet. */
    public ChainInfo chainInfo() {
        return ChainInfo.fromJson(CHAIN_INFO, rpc.call(CHAIN_INFO, Json.NODES.arrayNode()));
    }

    /** Closes the {@link SuiRpcClient} if this client created it. */
    @Override
    public void close() {
        if (ownsRpc) {
            rpc.close();
        }
    }
}
