package io.walrusj.chain.factory;

import io.walrusj.chain.WalrusNetwork;

/**
 * The one way a service gets its chain: {@code Chains.open(settings)} -> {@link Chain} (reader,
 * follower, writer, one retry policy). Which Walrus network the settings mean is resolved by
 * {@link WalrusNetwork#resolve} (on the first use of the chain).
 */
public final class Chains {

    private Chains() {
    }

    /** Opens the clients the settings ask for; nothing is read from the network yet. */
    public static Chain open(ChainSettings settings) {
        return new Chain(settings);
    }
}
