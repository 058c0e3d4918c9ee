/**
 * The devnet's Walrus system contract: a pure-Java, deterministic state machine that runs the rules
 * of the Move package ({@code contracts/walrus/sources} at mirror HEAD, object version 4) over a
 * ledger of Move objects, with the same BCS layouts, event layouts and abort codes.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li>{@link io.walrusj.devnet.contract.WalrusSystem#genesis} builds the ledger from a
 *       {@link io.walrusj.devnet.contract.Genesis}; {@link io.walrusj.devnet.contract.WalrusSystem#execute}
 *       applies one {@link io.walrusj.chain.devnet.Call} (one Move entry function, or a devnet
 *       call) in a {@link io.walrusj.devnet.contract.TxContext} (sender, 32-byte transaction digest,
 *       timestamp) and returns a {@link io.walrusj.devnet.contract.Receipt}: object changes
 *       (created / mutated / deleted / wrapped, as Sui's {@code objectChanges}) and events.
 *   <li>Atomicity: a call runs on private copies of the objects it touches (read or written) and
 *       buffers balances, events and mint/burn amounts; every effect and check, including the u64
 *       totals, is computed before anything is applied ({@code WalrusSystem.prepare}), so any
 *       exception (a {@link io.walrusj.devnet.contract.ContractException}, i.e. a Move abort, or any
 *       other) leaves the ledger byte for byte as before. Checks run in the Move order, so the abort reason is the one
 *       the contract would raise.
 *   <li>Determinism: no clocks, randomness or hash-order iteration. New object ids are derived as
 *       Sui does ({@code Blake2b-256(0xf1 || tx digest || u64 creation index)}); dynamic-field
 *       objects get Sui's child ids ({@code 0xf0 || parent || len || name || type tag}). Versions are
 *       Sui lamport versions ({@code 1 + max} of every object the transaction read or wrote).
 *       {@link io.walrusj.devnet.contract.WalrusSystem#stateDigest()} fingerprints the whole ledger;
 *       replaying the same (context, call) log reproduces it, and {@link
 *       io.walrusj.chain.devnet.CallCodec} gives calls a canonical byte form for that log.
 *       Rejected calls leave no trace (on Sui an aborted transaction still bumps its inputs' versions
 *       and charges gas; the devnet records nothing for it).
 *   <li>Objects, with the exact Move BCS: {@code System} and {@code Staking} (shared, version 1) and
 *       their inner states as dynamic fields {@code Field<u64, SystemStateInnerV1>} /
 *       {@code Field<u64, StakingInnerV1>} named 4 (owned by the parent object); {@code StakingPool}
 *       (id = node id, owned by the pools table id); {@code StorageNodeCap} and {@code StakedWal}
 *       (owned by the operator / staker); {@code Storage}; {@code Blob} (the {@code Storage} is wrapped
 *       inside it with its id, and comes back out on delete); blob attributes as the dynamic field
 *       {@code Field<vector<u8>, Metadata>} named {@code b"metadata"}, owned by the blob.
 *   <li>WAL balances are plain per-address FROST amounts, a devnet simplification of
 *       {@code Coin<WAL>} objects: fees and stakes are debited from the sender, the faucet (if enabled
 *       in the genesis) mints at most the genesis cap per call ({@code EFaucetAmountTooLarge}),
 *       {@code TransferWal} moves balance. Burns (3% of each ended epoch's
 *       rewards) and mints are totalled.
 * </ul>
 *
 * <h2>Rules implemented as in Move</h2>
 * reserve_space (storage price x units for every epoch, capacity per epoch, 1 &lt;= epochs ahead
 * &lt;= max); register_blob (storage bounds, encoded length, blob-id derivation, RS2 only, write fee
 * into the current epoch, {@code BlobRegistered}); certify_blob (quorum BLS certificate over a
 * BLOB_CERT message of the current epoch, blob id, not yet certified, not expired, persistence type
 * and object id); delete_blob; extend_blob (certified, not expired, pays the extra epochs, respects
 * max epochs ahead, {@code BlobCertified} with the first certified epoch); invalidate_blob_id (one
 * correct node); blob attributes; register_candidate (proof of possession for the current epoch,
 * name/address/commission/key checks); stake_with_pool (activation next epoch, or the one after once
 * the committee is selected; minimum 1 WAL); price and capacity votes; update_prices (weighted 2/3
 * quantile from below; u64::MAX without a committee); voting_end (D'Hondt over the active set with
 * the per-node cap, first committee sequential by node id, later ones by minimal shard movement,
 * capacity by the quantile from above); initiate_epoch_change_v2 (3% burn, new BLS committee,
 * accounting ring, capacity, per-node rewards by shards x stored bytes with the remainder rolled
 * over, commission, pending stake, key rotation, prices); epoch_sync_done (quorum of shard weight
 * finishes the change). Certificates are checked by walrus-core's {@code CertificateVerifier}.
 *
 * <h2>Devnet conveniences</h2>
 * <ul>
 *   <li>{@link io.walrusj.chain.devnet.Call.AdvanceEpoch}: one call that completes a pending
 *       epoch change, then runs voting_end, initiate_epoch_change_v2 and epoch_sync_done for every
 *       node of the new committee, ignoring the clock. It is privileged: only the chain itself
 *       (sender {@code 0x0}) and the genesis admin may send it ({@code ENotAuthorized}). The step-by-step calls
 *       ({@code VotingEnd}, {@code InitiateEpochChange}, {@code EpochSyncDone}) enforce the clock
 *       (half an epoch / a full epoch after the last change completed; epoch 1 not before
 *       {@code firstEpochStartMs}) and need the node's cap.
 *   <li>A genesis with an initial committee registers the nodes (no proof of possession), stakes for
 *       them and runs the regular epoch change, so the chain starts in epoch 1 with that committee
 *       (shards by D'Hondt over the stakes, sequential by node id), the genesis prices as every
 *       node's vote, the genesis capacity, and each node's capacity vote set to its share
 *       {@code ceil(capacity x shards / n)}. Without a committee the chain starts in epoch 0 with the
 *       genesis capacity and prices (the contract itself starts with 0; nothing can be registered
 *       before a committee exists anyway).
 *   <li>Calls that need a {@code StorageNodeCap} name the node; the sender must own its cap.
 * </ul>
 *
 * <h2>Left out</h2>
 * Coin objects and gas; stake withdrawal ({@code request_withdraw_stake}, {@code withdraw_stake}),
 * commission changes and collection, next public key, node metadata and the other node setters,
 * {@code try_join_active_set}; {@code reserve_space_for_epochs}, Storage split/fuse and
 * {@code extend_blob_with_resource}; object transfers; shared blobs; storage pools; event blobs
 * ({@code certify_event_blob}; the certification state stays empty); deny lists (sizes stay empty,
 * so rewards use the full used capacity); subsidies; slashing; protocol-version messages and
 * package upgrades; {@code burn} of blobs. The active set and the next epoch's public keys live
 * behind {@code ExtendedField}s and exchange rates in a table on chain: they are kept inside the
 * staking state and pools and are not exposed as their own dynamic-field objects (the containers'
 * ids and sizes are in the BCS). Pools are owned directly by the pools table id rather than through
 * a {@code dynamic_object_field} wrapper.
 */
package io.walrusj.devnet.contract;
