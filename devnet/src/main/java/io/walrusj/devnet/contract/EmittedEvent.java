package io.walrusj.devnet.contract;

import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A Move event (docs/spec/walrus-chain.md section 4).
 *
 * @param name the struct name, e.g. {@code BlobRegistered}
 * @param type the full type tag {@code 0x<original package id>::events::<name>}
 * @param bcs the event's BCS, fields in declaration order
 * @param json Sui {@code parsedJson}: u8/u16/u32 as numbers, u64 and u256 (blob ids) as decimal
 *     strings, IDs as {@code 0x}-hex, {@code vector<u16>} as a list of numbers
 */
public record EmittedEvent(String name, String type, byte[] bcs, Map<String, Object> json) {
    public EmittedEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        bcs = bcs.clone();
        Objects.requireNonNull(json, "json");
    }

    @Override
    public byte[] bcs() {
        return bcs.clone();
    }

    @Override
    public String toString() {
        return "EmittedEvent[" + name + ", bcs=" + HexFormat.of().formatHex(bcs) + ", json=" + json + "]";
    }
}
