package io.walrusj.devnet.ledger;

import io.walrusj.core.crypto.SuiAddress;

/**
 * One object version as the read API serves it.
 *
 * @param ownerKind      {@code AddressOwner}, {@code ObjectOwner}, {@code Shared} or {@code Immutable}
 * @param owner          the owning address (AddressOwner) or parent object (ObjectOwner), else null
 * @param initialVersion the initial shared version for Shared, else null
 * @param contentJson    the Move struct's fields as Sui's parsed JSON
 */
public record StoredObject(SuiAddress id, long version, byte[] digest, String type, String ownerKind, SuiAddress owner,
        Long initialVersion, byte[] bcs, String contentJson, byte[] previousTransaction, boolean deleted) {}
