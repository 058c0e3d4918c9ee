package io.walrusj.devnet.contract;

/**
 * Move {@code pool_exchange_rate::PoolExchangeRate}: {@code Flat} (1:1) or {@code Variable} (WAL
 * amount to share amount). Immutable.
 */
record ExchangeRate(long walAmount, long shareAmount) {
    static final ExchangeRate FLAT = new ExchangeRate(0, 0);

    /** {@code pool_exchange_rate::new}: flat if either amount is zero. */
    static ExchangeRate of(long walAmount, long shareAmount) {
        if (U64.compare(shareAmount, walAmount) > 0) {
            throw new ContractException(AbortReason.EArithmeticError, "invalid exchange rate: shares exceed WAL");
        }
        return walAmount == 0 || shareAmount == 0 ? FLAT : new ExchangeRate(walAmount, shareAmount);
    }

    boolean isFlat() {
        return walAmount == 0 && shareAmount == 0;
    }

    long toWal(long shares) {
        return isFlat() ? shares : U64.mulDivU128(U64.big(shares), U64.big(walAmount), U64.big(shareAmount));
    }

    long toShares(long wal) {
        return isFlat() ? wal : U64.mulDivU128(U64.big(wal), U64.big(shareAmount), U64.big(walAmount));
    }
}
