package io.walrusj.devnet.contract;

/**
 * Why a transaction was rejected. The constants are the Move abort constants of the Walrus contract
 * (module and code as in {@code contracts/walrus/sources}), plus Sui framework aborts the contract
 * runs into (balance, vector map, BCS) and a few devnet-level checks (module {@code devnet}) that Sui
 * performs before execution (object ownership, object existence, argument decoding).
 */
public enum AbortReason {
    // --- system_state_inner
    EStorageExceeded("system_state_inner", 1),
    EInvalidEpochsAhead("system_state_inner", 2),
    EInvalidIdEpoch("system_state_inner", 3),
    EIncorrectCommittee("system_state_inner", 4),
    EInvalidAccountingEpoch("system_state_inner", 5),
    EInvalidResourceSize("system_state_inner", 11),
    // --- storage_accounting
    ETooFarInFuture("storage_accounting", 0),
    // --- blob
    ENotCertified("blob", 0),
    EBlobNotDeletable("blob", 1),
    EResourceBounds("blob", 2),
    EResourceSize("blob", 3),
    EAlreadyCertified("blob", 5),
    EInvalidBlobId("blob", 6),
    EMissingMetadata("blob", 8),
    EInvalidBlobPersistenceType("blob", 9),
    EInvalidBlobObject("blob", 10),
    // --- encoding
    EInvalidEncodingType("encoding", 0),
    // --- bls_aggregate (certificate checks)
    EInvalidBitmap("bls_aggregate", 0),
    ESigVerification("bls_aggregate", 1),
    ENotEnoughStake("bls_aggregate", 2),
    // --- messages (certificate checks)
    EIncorrectAppId("messages", 0),
    EIncorrectEpoch("messages", 1),
    EInvalidMsgType("messages", 2),
    EIncorrectIntentVersion("messages", 3),
    /** messages::EInvalidBlobPersistenceType: a BLOB_CERT body with a persistence type other than 0 or 1. */
    EInvalidMessagePersistenceType("messages", 4),
    // --- staking_inner
    EWrongEpochState("staking_inner", 0),
    EInvalidSyncEpoch("staking_inner", 1),
    EDuplicateSyncDone("staking_inner", 2),
    ENoStake("staking_inner", 3),
    ENotInCommittee("staking_inner", 4),
    ECommitteeSelected("staking_inner", 5),
    ENextCommitteeIsEmpty("staking_inner", 6),
    EZeroNodeWeight("staking_inner", 9),
    EIncorrectNodeOrder("staking_inner", 10),
    // --- committee
    EInvalidShardAssignment("committee", 0),
    // --- staking_pool
    EPoolAlreadyUpdated("staking_pool", 0),
    EIncorrectEpochAdvance("staking_pool", 2),
    EInvalidProofOfPossession("staking_pool", 4),
    EPoolIsNotActive("staking_pool", 6),
    EZeroStake("staking_pool", 7),
    EIncorrectCommissionRate("staking_pool", 14),
    EInvalidNetworkAddressLength("staking_pool", 16),
    EInvalidNameLength("staking_pool", 17),
    // --- staked_wal, storage_node
    EStakeBelowThreshold("staked_wal", 7),
    EInvalidNetworkPublicKey("storage_node", 0),
    // --- Sui framework
    /** sui::bcs::EOutOfRange: a certified message body is too short. */
    EOutOfRange("bcs", 0),
    /** sui::vec_map::EKeyDoesNotExist: removing a blob attribute that is not set. */
    EKeyDoesNotExist("vec_map", 1),
    /** sui::balance::ENotEnough: the sender's WAL does not cover the payment. */
    EInsufficientFunds("balance", 2),
    // --- devnet (Sui input checks and devnet-only calls)
    /** The call needs an object that does not exist (or is wrapped / deleted). */
    EObjectNotFound("devnet", 0),
    /** The call uses an owned object the sender does not own. */
    ENotOwner("devnet", 1),
    /** The object exists but has another type than the call expects. */
    EWrongObjectType("devnet", 2),
    /** Arithmetic overflow or underflow (a Move arithmetic error). */
    EArithmeticError("devnet", 3),
    /** The faucet is disabled in the genesis configuration. */
    EFaucetDisabled("devnet", 4),
    /** An argument is out of the range of its Move type or malformed (a Sui argument error). */
    EInvalidArgument("devnet", 5),
    /** A {@code Faucet} call asks for more than the genesis' per-call cap ({@code devnet.genesis.faucet-max-amount}). */
    EFaucetAmountTooLarge("devnet", 6),
    /**
     * A privileged devnet call ({@code AdvanceEpoch}) from a sender other than the chain itself
     * (system address {@code 0x0}) or the genesis admin account ({@code devnet.genesis.admin}).
     */
    ENotAuthorized("devnet", 7);

    private final String module;
    private final int code;

    AbortReason(String module, int code) {
        this.module = module;
        this.code = code;
    }

    /** The Move module whose constant this is ({@code devnet} for devnet-level rejections). */
    public String module() {
        return module;
    }

    /** The abort code (the value of the Move constant). */
    public int code() {
        return code;
    }
}
