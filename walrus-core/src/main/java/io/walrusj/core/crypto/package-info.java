/**
 * Signatures and signed protocol messages.
 *
 * <ul>
 *   <li>BLS12-381 "min-pk" (public keys in G1, signatures in G2, basic scheme, DST
 *       {@code BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_}) for storage-node protocol keys:
 *       {@link io.walrusj.core.crypto.BlsKeyPair}, {@link io.walrusj.core.crypto.BlsPublicKey},
 *       {@link io.walrusj.core.crypto.BlsSignature}. Backed by native blst (jblst); the JVM needs
 *       {@code --enable-native-access=ALL-UNNAMED}.
 *   <li>The messages those keys sign, byte for byte (docs/spec/walrus-storage-node-api.md 4.4, 6.3, 6.4, 9;
 *       docs/spec/walrus-chain.md 3.1): {@link io.walrusj.core.crypto.MessageHeader},
 *       {@link io.walrusj.core.crypto.StorageConfirmationMessage},
 *       {@link io.walrusj.core.crypto.InvalidBlobIdMessage},
 *       {@link io.walrusj.core.crypto.ProofOfPossessionMessage},
 *       {@link io.walrusj.core.crypto.SyncShardMessage}.
 *   <li>Certificates as the Move contract checks them: {@link io.walrusj.core.crypto.SignersBitmap},
 *       {@link io.walrusj.core.crypto.BlsCommittee}, {@link io.walrusj.core.crypto.CertificateVerifier},
 *       and the publisher's direction, {@link io.walrusj.core.crypto.Certificate#aggregate}.
 *   <li>Sui accounts: {@link io.walrusj.core.crypto.Ed25519KeyPair},
 *       {@link io.walrusj.core.crypto.SuiAddress}, {@link io.walrusj.core.crypto.SuiSignature},
 *       {@link io.walrusj.core.crypto.SuiIntent}.
 * </ul>
 */
package io.walrusj.core.crypto;
