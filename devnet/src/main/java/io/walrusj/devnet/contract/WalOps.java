package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;

/**
 * WAL as plain per-address FROST balances (a devnet simplification of {@code Coin<WAL>} objects):
 * the faucet mints (at most the genesis' cap per call), transfers move balance.
 */
final class WalOps {

    private WalOps() {}

    static void faucet(Tx tx, Call.Faucet call) {
        ContractException.check(tx.chain().genesis().faucetEnabled(), AbortReason.EFaucetDisabled,
                "the faucet is disabled on this chain");
        long max = tx.chain().genesis().faucetMaxAmount();
        ContractException.check(U64.compare(call.amount(), max) <= 0, AbortReason.EFaucetAmountTooLarge,
                "the faucet mints at most " + Long.toUnsignedString(max) + " FROST per call, asked for "
                        + Long.toUnsignedString(call.amount()));
        tx.mint(call.recipient(), call.amount());
    }

    static void transfer(Tx tx, Call.TransferWal call) {
        tx.debit(tx.sender(), call.amount());
        tx.credit(call.recipient(), call.amount());
    }
}
