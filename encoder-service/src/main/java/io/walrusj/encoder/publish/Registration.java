package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.SuiAddress;

/** The objects a store bought and registered: the Storage (now wrapped in the Blob) and the Blob object. */
public record Registration(SuiAddress storageId, SuiAddress blobObjectId) {}
