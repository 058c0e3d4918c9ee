/**
 * chain-client: reads Walrus state and events from a Sui JSON-RPC endpoint (a real full node or
 * the walrusj devnet) and writes to the walrusj devnet. Plain Java: {@code java.net.http} and
 * Jackson 3, no framework.
 *
 * <ul>
 *   <li>{@link io.walrusj.chain.rpc}: the JSON-RPC client and Sui's response shapes;
 *   <li>{@link io.walrusj.chain.model}: Walrus events and Move objects decoded from BCS;
 *   <li>{@link io.walrusj.chain.follow}: the durable-cursor event follower;
 *   <li>{@link io.walrusj.chain.devnet}: the walrusj devnet's transaction model and write client;
 *   <li>here: the network presets ({@link io.walrusj.chain.WalrusNetwork}) and
 *       {@link io.walrusj.chain.WalrusChainReader} (epoch, committee, blobs).
 * </ul>
 *
 * <p>Addresses and object IDs are walrus-core's {@link io.walrusj.core.crypto.SuiAddress} (parsed
 * from Sui's JSON with {@link io.walrusj.core.crypto.SuiAddress#parseLenient}, which also takes the
 * short form {@code 0x2}); Base58 (digests, legacy event BCS) is walrus-core's
 * {@link io.walrusj.core.crypto.Base58}; blob IDs are walrus-core's
 * {@link io.walrusj.core.metadata.BlobId}.
 */
package io.walrusj.chain;
