package io.walrusj.devnet.contract;

/**
 * The system prices in FROST per unit (1 MiB of encoded size): storage per epoch and the one-time
 * write fee. Unsigned u64 values ({@code -1L} is u64::MAX, the price of epoch 0 without a committee).
 */
public record Prices(long storagePricePerUnit, long writePricePerUnit) {}
