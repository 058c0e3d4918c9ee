package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ALICE;
import static io.walrusj.devnet.contract.TestChain.ADMIN;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import org.junit.jupiter.api.Test;

/** Reservation and registration failures: the abort of the Move code, nothing changed. */
class ReservationRejectionTest {
    private static final long ENCODED_1000 = 10_680;

    @Test
    void registerChecks() {
        TestChain c = TestChain.withCommittee();
        TestChain.TestBlob b = TestChain.blob(1, 1000);
        SuiAddress storage = c.reserve(ALICE, ENCODED_1000, 2);

        BlobId wrongId = TestChain.blob(2, 1000).blobId();
        c.rejected(ALICE, new Call.RegisterBlob(storage, wrongId, b.rootHash(), 1000, 1, false),
                AbortReason.EInvalidBlobId);
        // the id derives from the size too
        c.rejected(ALICE, new Call.RegisterBlob(storage, b.blobId(), b.rootHash(), 999, 1, false),
                AbortReason.EInvalidBlobId);
        SuiAddress small = c.reserve(ALICE, ENCODED_1000 - 1, 2);
        c.rejected(ALICE, new Call.RegisterBlob(small, b.blobId(), b.rootHash(), 1000, 1, false),
                AbortReason.EResourceSize);
        c.rejected(ALICE, new Call.RegisterBlob(storage, b.blobId(), b.rootHash(), 1000, 0, false),
                AbortReason.EInvalidEncodingType);
        c.rejected(ALICE, new Call.RegisterBlob(storage, b.blobId(), new byte[31], 1000, 1, false),
                AbortReason.EInvalidArgument);
        c.rejected(BOB, new Call.RegisterBlob(storage, b.blobId(), b.rootHash(), 1000, 1, false), AbortReason.ENotOwner);
        c.rejected(ALICE, new Call.RegisterBlob(TestChain.address(0x77), b.blobId(), b.rootHash(), 1000, 1, false),
                AbortReason.EObjectNotFound);
        c.rejected(ALICE, new Call.RegisterBlob(c.system.systemObjectId(), b.blobId(), b.rootHash(), 1000, 1, false),
                AbortReason.EWrongObjectType);
        // a registered storage is wrapped: it cannot be registered twice
        c.register(ALICE, storage, b, false);
        c.rejected(ALICE, new Call.RegisterBlob(storage, b.blobId(), b.rootHash(), 1000, 1, false),
                AbortReason.EObjectNotFound);
    }

    @Test
    void expiredStorage() {
        TestChain c = TestChain.withCommittee();
        TestChain.TestBlob b = TestChain.blob(1, 1000);
        SuiAddress storage = c.reserve(ALICE, ENCODED_1000, 1);
        c.exec(ADMIN, new Call.AdvanceEpoch());
        c.rejected(ALICE, new Call.RegisterBlob(storage, b.blobId(), b.rootHash(), 1000, 1, false),
                AbortReason.EResourceBounds);
    }

    @Test
    void writeFeeNeedsFunds() {
        TestChain c = TestChain.withCommittee();
        TestChain.TestBlob b = TestChain.blob(1, 1000);
        SuiAddress storage = c.reserve(ALICE, ENCODED_1000, 1);
        long rest = c.system.balance(ALICE) - 19;
        c.exec(ALICE, new Call.TransferWal(BOB, rest));
        assertThat(c.system.balance(ALICE)).isEqualTo(19);
        c.rejected(ALICE, new Call.RegisterBlob(storage, b.blobId(), b.rootHash(), 1000, 1, false),
                AbortReason.EInsufficientFunds);
    }

    @Test
    void reserveChecks() {
        TestChain c = TestChain.withCommittee();
        c.rejected(ALICE, new Call.ReserveSpace(ENCODED_1000, 0), AbortReason.EInvalidEpochsAhead);
        c.rejected(ALICE, new Call.ReserveSpace(ENCODED_1000, 54), AbortReason.EInvalidEpochsAhead);
        c.rejected(ALICE, new Call.ReserveSpace(0, 1), AbortReason.EInvalidResourceSize);
        c.rejected(BOB, new Call.ReserveSpace(ENCODED_1000, 1), AbortReason.EInsufficientFunds);
        // 1 MiB for 53 epochs costs 5300 FROST, exactly what is left
        c.exec(ALICE, new Call.TransferWal(BOB, TestChain.ALICE_FUNDS - 5300));
        c.exec(ALICE, new Call.ReserveSpace(1L << 20, 53));
        assertThat(c.system.balance(ALICE)).isZero();
    }

    @Test
    void capacityExceeded() {
        TestChain c = TestChain.withCommittee();
        c.rejected(ALICE, new Call.ReserveSpace(TestChain.CAPACITY + 1, 1), AbortReason.EStorageExceeded);
        c.exec(ALICE, new Call.ReserveSpace(TestChain.CAPACITY - 100, 2));
        assertThat(c.system.capacity().usedCapacitySize()).isEqualTo(TestChain.CAPACITY - 100);
        c.exec(ALICE, new Call.ReserveSpace(100, 1));
        // epoch 1 is full now; a reservation for epochs 1-2 fails, capacity in epoch 3 onwards is free
        c.rejected(ALICE, new Call.ReserveSpace(1, 2), AbortReason.EStorageExceeded);
        c.exec(ADMIN, new Call.AdvanceEpoch());
        c.exec(ADMIN, new Call.AdvanceEpoch());
        assertThat(c.system.currentEpoch()).isEqualTo(3);
        // genesis capacity votes are ceil(2^30 * shards / 10): 322122548 (3 shards) and 214748365 (2 shards),
        // i.e. 1073741826 and 1073741825 per 10 shards; a quorum (7 of 10) votes >= 1073741825
        assertThat(c.system.capacity()).isEqualTo(new Capacity(TestChain.CAPACITY + 1, 0));
        c.exec(ALICE, new Call.ReserveSpace(TestChain.CAPACITY + 1, 1));
    }

    @Test
    void extendChecks() {
        TestChain c = TestChain.withCommittee();
        TestChain.TestBlob b = TestChain.blob(1, 1000);
        SuiAddress blob = c.register(ALICE, c.reserve(ALICE, ENCODED_1000, 2), b, false);
        c.rejected(ALICE, new Call.ExtendBlob(blob, 1), AbortReason.ENotCertified);
        c.exec(ALICE, TestChain.certifyCall(blob, TestChain.certificate(
                io.walrusj.core.crypto.StorageConfirmationMessage.permanent(1, b.blobId()).toBytes(), 0, 1, 2)));
        c.rejected(ALICE, new Call.ExtendBlob(blob, 0), AbortReason.EInvalidEpochsAhead);
        // ends in epoch 3 = 2 epochs ahead; 52 more would end 54 epochs ahead
        c.rejected(ALICE, new Call.ExtendBlob(blob, 52), AbortReason.EInvalidEpochsAhead);
        c.exec(ALICE, new Call.ExtendBlob(blob, 51));
        assertThat(c.system.object(blob).orElseThrow().json().get("storage")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("end_epoch", 54L);
    }

    @Test
    void unencodableArgumentsAreRejected() {
        TestChain c = TestChain.withCommittee();
        TestChain.TestBlob b = TestChain.blob(1, 1000);
        SuiAddress blob = c.register(ALICE, c.reserve(ALICE, ENCODED_1000, 1), b, false);
        c.rejected(ALICE, new Call.SetBlobAttribute(blob, "key", "\uD800"), AbortReason.EInvalidArgument);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WalrusSystem.genesis(new Genesis(10, 1, 0, 53, 1, 1, 1,
                TestChain.PACKAGE, TestChain.SYSTEM, TestChain.STAKING, java.util.Map.of(), java.util.List.of(
                        new GenesisNode(TestChain.address(1), "x".repeat(101), "h:1", TestChain.KEYS.get(0).publicKey(),
                                TestChain.OPERATORS.get(0), TestChain.NODE_STAKE)), false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EInvalidNameLength");
    }

    @Test
    void faucet() {
        TestChain enabled = TestChain.withCommittee();
        enabled.exec(BOB, new Call.Faucet(BOB, 500));
        assertThat(enabled.system.balance(BOB)).isEqualTo(500);
        TestChain disabled = new TestChain(WalrusSystem.genesis(TestChain.genesis(true, false)));
        disabled.rejected(BOB, new Call.Faucet(BOB, 500), AbortReason.EFaucetDisabled);
        disabled.rejected(BOB, new Call.TransferWal(ALICE, 1), AbortReason.EInsufficientFunds);
    }
}
