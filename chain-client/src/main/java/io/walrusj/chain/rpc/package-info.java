/**
 * A minimal Sui JSON-RPC 2.0 client ({@link io.walrusj.chain.rpc.SuiRpcClient}) for
 * {@code suix_queryEvents}, {@code sui_getObject}, {@code sui_multiGetObjects},
 * {@code suix_getDynamicFieldObject} and {@code sui_getLatestCheckpointSequenceNumber}, with the
 * request and response shapes of Sui's {@code sui-json-rpc-api} / {@code sui-json-rpc-types}
 * crates, and typed failures ({@link io.walrusj.chain.rpc.SuiClientException} and subclasses).
 * {@link io.walrusj.chain.rpc.SuiRpcClient#call} sends any other method (the devnet's own methods
 * go through it), and {@link io.walrusj.chain.rpc.Json} has the strict accessors for results.
 */
package io.walrusj.chain.rpc;
