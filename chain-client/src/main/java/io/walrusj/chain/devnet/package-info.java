/**
 * The walrusj devnet's transaction model and write client.
 *
 * <ul>
 *   <li>{@link io.walrusj.chain.devnet.Call}: one record per entry point of the devnet's Walrus
 *       system contract (Move entry functions plus devnet-only calls);
 *   <li>{@link io.walrusj.chain.devnet.CallCodec}: the canonical BCS bytes of a call;
 *   <li>{@link io.walrusj.chain.devnet.DevnetTransaction}: the signed transaction format
 *       ({@code {version u8 = 1, sender address, nonce u64, call bytes}}), its Sui-style digest
 *       and Ed25519 signature;
 *   <li>{@link io.walrusj.chain.devnet.DevnetClient}: signs and submits calls
 *       ({@code devnet_executeTransaction}), reads WAL balances ({@code suix_getBalance}) and the
 *       chain info ({@code devnet_getChainInfo}); results are
 *       {@link io.walrusj.chain.devnet.Executed} and {@link io.walrusj.chain.devnet.ChainInfo},
 *       rejections {@link io.walrusj.chain.devnet.TransactionRejectedException}.
 * </ul>
 *
 * <p>The devnet itself ({@code devnet} module) executes exactly these types, so client and chain
 * cannot disagree on the byte format.
 */
package io.walrusj.chain.devnet;
