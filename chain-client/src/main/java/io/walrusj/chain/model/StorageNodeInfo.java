package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Move {@code storage_node::StorageNodeInfo} ({@code docs/spec/walrus-chain.md} 2.2): {@code name: String,
 * node_id: ID, network_address: String ("host:port"), public_key: Element<UncompressedG1>
 * ({ bytes: vector<u8> }, 96 bytes), next_epoch_public_key: Option<Element<UncompressedG1>>,
 * network_public_key: vector<u8> (33-byte compressed secp256r1), metadata:
 * ExtendedField<NodeMetadata> ({ id: UID })}. Key lengths are not enforced here.
 */
public record StorageNodeInfo(
        String name,
        SuiAddress nodeId,
        String networkAddress,
        byte[] publicKey,
        Optional<byte[]> nextEpochPublicKey,
        byte[] networkPublicKey,
        SuiAddress metadataFieldId) {

    public StorageNodeInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(networkAddress, "networkAddress");
        publicKey = publicKey.clone();
        nextEpochPublicKey = nextEpochPublicKey.map(byte[]::clone);
        networkPublicKey = networkPublicKey.clone();
        Objects.requireNonNull(metadataFieldId, "metadataFieldId");
    }

    public static StorageNodeInfo read(BcsReader r) {
        String name = r.string();
        SuiAddress nodeId = SuiAddress.read(r);
        String address = r.string();
        byte[] key = r.bytes();
        Optional<byte[]> next = r.option(BcsReader::bytes);
        byte[] networkKey = r.bytes();
        SuiAddress metadata = SuiAddress.read(r);
        return new StorageNodeInfo(name, nodeId, address, key, next, networkKey, metadata);
    }

    public void writeBcs(BcsWriter w) {
        w.string(name);
        nodeId.writeBcs(w);
        w.string(networkAddress).bytes(publicKey);
        w.option(nextEpochPublicKey.orElse(null), BcsWriter::bytes);
        w.bytes(networkPublicKey);
        metadataFieldId.writeBcs(w);
    }

    /**
     * The node's HTTP base URL from {@code network_address}: {@code host:port} becomes
     * {@code https://host:port} (Walrus nodes serve TLS) unless {@code scheme} says otherwise; an
     * address that already carries a scheme is taken as is.
     *
     * @throws IllegalArgumentException if the address is not a valid {@code host:port}
     */
    public URI baseUri(String scheme) {
        String a = networkAddress.strip();
        URI u = URI.create(a.contains("://") ? a : scheme + "://" + a);
        if (u.getHost() == null) {
            throw new IllegalArgumentException("network address without a host: " + networkAddress);
        }
        return u;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public Optional<byte[]> nextEpochPublicKey() {
        return nextEpochPublicKey.map(byte[]::clone);
    }

    @Override
    public byte[] networkPublicKey() {
        return networkPublicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StorageNodeInfo i && i.name.equals(name) && i.nodeId.equals(nodeId)
                && i.networkAddress.equals(networkAddress) && Arrays.equals(i.publicKey, publicKey)
                && i.nextEpochPublicKey.isPresent() == nextEpochPublicKey.isPresent()
                && (nextEpochPublicKey.isEmpty() || Arrays.equals(i.nextEpochPublicKey.get(), nextEpochPublicKey.get()))
                && Arrays.equals(i.networkPublicKey, networkPublicKey) && i.metadataFieldId.equals(metadataFieldId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodeId, networkAddress, metadataFieldId) * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "StorageNodeInfo[name=" + name + ", nodeId=" + nodeId + ", networkAddress=" + networkAddress
                + ", publicKey=" + hex.formatHex(publicKey) + ", nextEpochPublicKey="
                + nextEpochPublicKey.map(hex::formatHex).orElse("none") + ", networkPublicKey="
                + hex.formatHex(networkPublicKey) + ", metadata=" + metadataFieldId + "]";
    }
}
