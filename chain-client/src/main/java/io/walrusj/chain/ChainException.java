package io.walrusj.chain;

/**
 * Base of every typed, unchecked exception thrown by chain-client: RPC failures
 * ({@link io.walrusj.chain.rpc.SuiClientException} and subclasses), undecodable Walrus events or
 * objects ({@link io.walrusj.chain.model.WalrusDecodeException}) and consumer failures reported by
 * the follower ({@link io.walrusj.chain.follow.EventHandlerException}).
 */
public abstract class ChainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ChainException(String message) {
        super(message);
    }

    protected ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
