/**
 * chain-client: reads Walrus state and events from a Sui JSON-RPC endpoint (a real full node or
 * the walrusj devnet). Plain Java: {@code java.net.http} and Jackson 3, no framework.
 *
 * <ul>
 *   <li>{@link io.walrusj.chain.rpc}: the JSON-RPC client and Sui's response shapes;
 *   <li>{@link io.walrusj.chain.model}: Walrus events and Move objects decoded from BCS;
 *   <li>{@link io.walrusj.chain.follow}: the durable-cursor event follower;
 *   <li>here: {@link io.walrusj.chain.ObjectId}, the network presets
 *       ({@link io.walrusj.chain.WalrusNetwork}) and {@link io.walrusj.chain.WalrusChainReader}
 *       (epoch, committee, blobs).
 * </ul>
 */
package io.walrusj.chain;
