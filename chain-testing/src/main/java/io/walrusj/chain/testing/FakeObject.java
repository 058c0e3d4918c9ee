package io.walrusj.chain.testing;

import io.walrusj.chain.rpc.Owner;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * One Move object of the fake chain: what both transports serve for it.
 *
 * @param id the object id
 * @param version bumped by every put of the same id
 * @param type the full Move type, e.g. {@code 0x..::blob::Blob}
 * @param owner Sui's owner forms ({@code chain-client}'s {@link Owner})
 * @param contents the BCS of the Move struct value (gRPC {@code Object.contents}, JSON-RPC {@code bcs.bcsBytes})
 */
public record FakeObject(SuiAddress id, long version, String type, Owner owner, byte[] contents) {

    public FakeObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(owner, "owner");
        contents = contents.clone();
    }

    @Override
    public byte[] contents() {
        return contents.clone();
    }

    /** Sui's object digest is a hash; the fake derives a stable Base58 text from id and version. */
    public String digest() {
        byte[] d = new byte[32];
        byte[] idBytes = id.bytes();
        for (int i = 0; i < 32; i++) {
            d[i] = (byte) (idBytes[i] ^ (version >>> (8 * (i % 8))));
        }
        return io.walrusj.core.crypto.Base58.encode(d);
    }
}
