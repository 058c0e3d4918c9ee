/**
 * The Walrus on-chain model ({@code docs/spec/walrus-chain.md} sections 2 and 4): the 22 events of the
 * {@code events} module ({@link io.walrusj.chain.model.WalrusEvent}, decoded by
 * {@link io.walrusj.chain.model.WalrusEvents}) and the Move objects needed to follow the system
 * ({@link io.walrusj.chain.model.Blob}, {@link io.walrusj.chain.model.Storage},
 * {@link io.walrusj.chain.model.SystemStateInnerV1}, {@link io.walrusj.chain.model.StakingInnerV1},
 * committees), all read from strict BCS with the walrus-core reader.
 */
package io.walrusj.chain.model;
