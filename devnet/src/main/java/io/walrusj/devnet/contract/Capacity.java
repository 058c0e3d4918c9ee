package io.walrusj.devnet.contract;

/** The system's storage capacity in encoded bytes: total, and reserved for the current epoch. */
public record Capacity(long totalCapacitySize, long usedCapacitySize) {}
