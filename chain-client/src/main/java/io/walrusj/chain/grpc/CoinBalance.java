package io.walrusj.chain.grpc;

/**
 * {@code GetBalance}: the total spendable balance of one coin type ({@code balance} = address
 * balance + coin objects), in the coin's smallest unit, as raw unsigned 64 bits.
 */
public record CoinBalance(String coinType, long balance, long addressBalance, long coinBalance) {
}
