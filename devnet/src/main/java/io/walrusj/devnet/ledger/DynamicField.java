package io.walrusj.devnet.ledger;

import io.walrusj.core.crypto.SuiAddress;

/** A dynamic field of {@code parent} named by (nameType, nameBcs), stored as object {@code fieldId}. */
public record DynamicField(SuiAddress parent, String nameType, byte[] nameBcs, String nameJson, SuiAddress fieldId) {}
