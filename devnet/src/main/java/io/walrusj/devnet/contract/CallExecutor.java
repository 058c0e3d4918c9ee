package io.walrusj.devnet.contract;

import io.walrusj.chain.devnet.Call;

/**
 * Routes a {@link Call} to the operation that implements it, after checking that the sender may
 * make it: the privileged devnet calls ({@link #isPrivileged}) are reserved to the chain itself and
 * the genesis admin account.
 */
final class CallExecutor {

    private CallExecutor() {}

    /**
     * Calls only the chain (its epoch clock) or the admin may make. {@code AdvanceEpoch} ends the
     * epoch ignoring the clock and reports sync-done for every node; the step-by-step calls
     * ({@code VotingEnd}, {@code InitiateEpochChange}) stay open to everyone as on Walrus, where the
     * clock gates them.
     */
    static boolean isPrivileged(Call call) {
        return call instanceof Call.AdvanceEpoch;
    }

    static void execute(Tx tx, Call call) {
        if (isPrivileged(call) && !tx.chain().genesis().isPrivileged(tx.sender())) {
            throw new ContractException(AbortReason.ENotAuthorized, call.getClass().getSimpleName()
                    + " is reserved to the chain and the admin account, not " + tx.sender());
        }
        switch (call) {
            case Call.Faucet c -> WalOps.faucet(tx, c);
            case Call.TransferWal c -> WalOps.transfer(tx, c);
            case Call.ReserveSpace c -> StorageOps.reserveSpace(tx, c.size(), c.epochsAhead());
            case Call.RegisterBlob c -> BlobOps.register(tx, c);
            case Call.CertifyBlob c -> BlobOps.certify(tx, c);
            case Call.DeleteBlob c -> BlobOps.delete(tx, c);
            case Call.ExtendBlob c -> BlobOps.extend(tx, c);
            case Call.InvalidateBlobId c -> BlobOps.invalidate(tx, c);
            case Call.SetBlobAttribute c -> BlobAttributeOps.set(tx, c);
            case Call.RemoveBlobAttribute c -> BlobAttributeOps.remove(tx, c);
            case Call.RegisterCandidate c -> StakingOps.registerCandidate(tx, c);
            case Call.StakeWithPool c -> StakingOps.stakeWithPool(tx, c);
            case Call.SetStoragePriceVote c -> StakingOps.setStoragePriceVote(tx, c);
            case Call.SetWritePriceVote c -> StakingOps.setWritePriceVote(tx, c);
            case Call.SetNodeCapacityVote c -> StakingOps.setNodeCapacityVote(tx, c);
            case Call.UpdatePrices c -> StakingOps.updatePrices(tx);
            case Call.VotingEnd c -> EpochOps.votingEnd(tx, false);
            case Call.InitiateEpochChange c -> EpochOps.initiateEpochChange(tx, false);
            case Call.EpochSyncDone c -> EpochOps.epochSyncDone(tx, c.nodeId(), c.epoch(), true);
            case Call.AdvanceEpoch c -> EpochOps.advanceEpoch(tx);
        }
    }
}
