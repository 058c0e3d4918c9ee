package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ALICE;
import static io.walrusj.devnet.contract.TestChain.ALICE_FUNDS;
import static io.walrusj.devnet.contract.TestChain.NODE_IDS;
import static io.walrusj.devnet.contract.TestChain.NODE_STAKE;
import static io.walrusj.devnet.contract.TestChain.certificate;
import static io.walrusj.devnet.contract.TestChain.certifyCall;
import static io.walrusj.devnet.contract.TestChain.event;
import static io.walrusj.devnet.contract.TestChain.eventNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.InvalidBlobIdMessage;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlobLifecycleTest {
    /** n = 10: p = 4, s = 7; a 1000-byte blob has symbol size 36: 10 * (10 * 64 + 32) + 10 * 11 * 36. */
    private static final long ENCODED_1000 = 10_680;

    @Test
    void genesisStartsEpochOneWithTheCommittee() {
        TestChain c = TestChain.withCommittee();
        WalrusSystem s = c.system;
        assertThat(s.currentEpoch()).isEqualTo(1);
        assertThat(s.epochState()).isEqualTo(new EpochState.EpochChangeDone(TestChain.START_MS));
        assertThat(s.prices()).isEqualTo(new Prices(TestChain.STORAGE_PRICE, TestChain.WRITE_PRICE));
        assertThat(s.capacity()).isEqualTo(new Capacity(TestChain.CAPACITY, 0));
        assertThat(s.balance(ALICE)).isEqualTo(ALICE_FUNDS);
        CommitteeView committee = s.committee();
        assertThat(committee.epoch()).isEqualTo(1);
        assertThat(committee.nShards()).isEqualTo(10);
        assertThat(committee.shardAssignment()).containsExactly(
                Map.entry(NODE_IDS.get(0), List.of(0, 1, 2)), Map.entry(NODE_IDS.get(1), List.of(3, 4, 5)),
                Map.entry(NODE_IDS.get(2), List.of(6, 7)), Map.entry(NODE_IDS.get(3), List.of(8, 9)));
        assertThat(committee.members()).extracting(CommitteeMember::weight).containsExactly(3, 3, 2, 2);
        assertThat(committee.members().getFirst().networkAddress()).isEqualTo("127.0.0.1:9100");
        assertThat(committee.blsCommittee().member(2).publicKey()).isEqualTo(TestChain.KEYS.get(2).publicKey());
        // every genesis object is at version 1, the shared ones shared at 1
        assertThat(s.genesisReceipt().changes()).allMatch(ch -> ch instanceof ObjectChange.Created
                && ch.object().version() == 1);
        assertThat(s.object(TestChain.SYSTEM).orElseThrow().owner()).isEqualTo(new Owner.Shared(1));
        assertThat(eventNames(s.genesisReceipt())).containsExactly("EpochParametersSelected", "EpochChangeStart",
                "PricesUpdated", "ShardsReceived", "ShardsReceived", "EpochChangeDone", "ShardsReceived",
                "ShardsReceived");
        // operators own their caps and stakes
        assertThat(s.objectsOwnedBy(TestChain.OPERATORS.get(0))).extracting(LedgerObject::type).containsExactlyInAnyOrder(
                TestChain.PACKAGE + "::storage_node::StorageNodeCap", TestChain.PACKAGE + "::staked_wal::StakedWal");
    }

    @Test
    void fullLifecycleWithExactFeesEventsAndRewards() {
        TestChain c = TestChain.withCommittee();
        WalrusSystem s = c.system;
        TestChain.TestBlob b1 = TestChain.blob(1, 1000);

        // reserve: 100 FROST per unit per epoch, 1 unit, 3 epochs
        Receipt reserve = c.exec(ALICE, new Call.ReserveSpace(ENCODED_1000, 3));
        SuiAddress storage1 = TestChain.createdId(reserve, "::storage_resource::Storage");
        assertThat(s.balance(ALICE)).isEqualTo(ALICE_FUNDS - 300);
        assertThat(s.capacity()).isEqualTo(new Capacity(TestChain.CAPACITY, ENCODED_1000));
        LedgerObject storageObject = s.object(storage1).orElseThrow();
        assertThat(storageObject.json()).containsEntry("start_epoch", 1L).containsEntry("end_epoch", 4L)
                .containsEntry("storage_size", "10680");
        assertThat(storageObject.owner()).isEqualTo(new Owner.AddressOwner(ALICE));
        assertThat(storageObject.version()).isEqualTo(2);
        assertThat(reserve.events()).isEmpty();

        // register: write fee 20 FROST for 1 unit; the Storage is wrapped into the Blob
        Receipt register = c.exec(ALICE, new Call.RegisterBlob(storage1, b1.blobId(), b1.rootHash(), 1000, 1, false));
        assertThat(register.changes()).extracting(ch -> ch.getClass().getSimpleName()).containsExactly(
                "Mutated", "Mutated", "Wrapped", "Created");
        assertThat(register.changes().get(0).object().id()).isEqualTo(TestChain.SYSTEM);
        assertThat(register.changes().get(1).object().id()).isEqualTo(s.systemStateFieldId());
        assertThat(register.changes().get(2).object().id()).isEqualTo(storage1);
        SuiAddress blob1 = register.changes().get(3).object().id();
        assertThat(register.changes()).allMatch(ch -> ch.object().version() == 3);
        assertThat(s.object(storage1)).isEmpty();
        assertThat(s.balance(ALICE)).isEqualTo(ALICE_FUNDS - 320);
        assertThat(event(register, "BlobRegistered")).containsExactlyEntriesOf(TestChain.ordered(
                "epoch", 1L, "blob_id", b1.blobId().toU256().toString(), "size", "1000", "encoding_type", 1,
                "end_epoch", 4L, "deletable", false, "object_id", blob1.toString()));
        BcsReader ev = new BcsReader(register.events().getFirst().bcs());
        assertThat(ev.u32()).isEqualTo(1);
        assertThat(BlobId.read(ev)).isEqualTo(b1.blobId());
        assertThat(ev.u64()).isEqualTo(1000);
        assertThat(ev.u8()).isEqualTo(1);
        assertThat(ev.u32()).isEqualTo(4);
        assertThat(ev.bool()).isFalse();
        assertThat(ev.fixedBytes(32)).isEqualTo(blob1.bytes());
        ev.expectEnd();
        assertThat(register.events().getFirst().type()).isEqualTo(TestChain.PACKAGE + "::events::BlobRegistered");

        // certify with a real quorum certificate (weights 3 + 3 + 2 = 8 >= 7)
        Certificate cert = certificate(StorageConfirmationMessage.permanent(1, b1.blobId()).toBytes(), 0, 1, 2);
        Receipt certify = c.exec(ALICE, certifyCall(blob1, cert));
        assertThat(certify.changes()).hasSize(1);
        assertThat(certify.changes().getFirst()).isInstanceOf(ObjectChange.Mutated.class);
        assertThat(certify.changes().getFirst().object().version()).isEqualTo(4);
        assertThat(event(certify, "BlobCertified")).containsExactlyEntriesOf(TestChain.ordered(
                "epoch", 1L, "blob_id", b1.blobId().toU256().toString(), "end_epoch", 4L, "deletable", false,
                "object_id", blob1.toString(), "is_extension", false));
        LedgerObject blobObject = s.object(blob1).orElseThrow();
        assertThat(blobObject.json()).containsEntry("certified_epoch", 1L).containsEntry("registered_epoch", 1L);
        BcsReader br = new BcsReader(blobObject.bcs());
        assertThat(br.fixedBytes(32)).isEqualTo(blob1.bytes());
        assertThat(br.u32()).isEqualTo(1); // registered_epoch
        assertThat(BlobId.read(br)).isEqualTo(b1.blobId());
        assertThat(br.u64()).isEqualTo(1000);
        assertThat(br.u8()).isEqualTo(1);
        assertThat(br.option(BcsReader::u32)).contains(1L);
        assertThat(br.fixedBytes(32)).isEqualTo(storage1.bytes()); // the wrapped Storage keeps its id
        assertThat(br.u32()).isEqualTo(1);
        assertThat(br.u32()).isEqualTo(4);
        assertThat(br.u64()).isEqualTo(ENCODED_1000);
        assertThat(br.bool()).isFalse();
        br.expectEnd();

        // extend by 2 epochs: 2 * 100 FROST; the event keeps the first certified epoch
        Receipt extend = c.exec(ALICE, new Call.ExtendBlob(blob1, 2));
        assertThat(s.balance(ALICE)).isEqualTo(ALICE_FUNDS - 520);
        assertThat(event(extend, "BlobCertified")).containsEntry("epoch", 1L).containsEntry("end_epoch", 6L)
                .containsEntry("is_extension", true);

        // a deletable blob: reserve 2 epochs, register, certify with the object id, set an attribute, delete
        TestChain.TestBlob b2 = TestChain.blob(2, 1000);
        SuiAddress storage2 = c.reserve(ALICE, ENCODED_1000, 2);
        SuiAddress blob2 = c.register(ALICE, storage2, b2, true);
        assertThat(s.balance(ALICE)).isEqualTo(ALICE_FUNDS - 740);
        Certificate deletableCert = certificate(
                StorageConfirmationMessage.deletable(1, b2.blobId(), blob2).toBytes(), 1, 2, 3);
        Receipt certify2 = c.exec(ALICE, certifyCall(blob2, deletableCert));
        assertThat(event(certify2, "BlobCertified")).containsEntry("deletable", true);
        Receipt attr = c.exec(ALICE, new Call.SetBlobAttribute(blob2, "content-type", "text/plain"));
        LedgerObject field = TestChain.changed(attr, ObjectChange.Created.class, "::metadata::Metadata>").getFirst();
        assertThat(field.owner()).isEqualTo(new Owner.ObjectOwner(blob2));
        assertThat(field.dynamicField().orElseThrow().type()).isEqualTo("vector<u8>");
        assertThat(s.childObjects(blob2)).extracting(LedgerObject::id).containsExactly(field.id());

        Receipt delete = c.exec(ALICE, new Call.DeleteBlob(blob2));
        assertThat(delete.changes()).extracting(ch -> ch.getClass().getSimpleName() + ":" + ch.object().id())
                .containsExactly("Deleted:" + field.id(), "Deleted:" + blob2, "Created:" + storage2);
        assertThat(event(delete, "BlobDeleted")).containsExactlyEntriesOf(TestChain.ordered(
                "epoch", 1L, "blob_id", b2.blobId().toU256().toString(), "end_epoch", 3L, "object_id",
                blob2.toString(), "was_certified", true));
        LedgerObject returned = s.object(storage2).orElseThrow();
        assertThat(returned.owner()).isEqualTo(new Owner.AddressOwner(ALICE));
        assertThat(returned.json()).containsEntry("end_epoch", 3L);
        assertThat(s.object(blob2)).isEmpty();
        assertThat(s.childObjects(blob2)).isEmpty();

        // invalidate b1's id with "one correct node" weight (3 + 2 = 5 >= 4)
        Certificate invalid = certificate(new InvalidBlobIdMessage(1, b1.blobId()).toBytes(), 0, 2);
        Receipt invalidate = c.exec(TestChain.BOB, new Call.InvalidateBlobId(invalid.signature().toBytes(),
                invalid.signers().toBytes(), invalid.message()));
        assertThat(invalidate.changes()).isEmpty();
        assertThat(event(invalidate, "InvalidBlobID")).containsExactlyEntriesOf(TestChain.ordered(
                "epoch", 1L, "blob_id", b1.blobId().toU256().toString()));

        // epoch change: epoch 1's bucket = 2 * (100 + 20) = 240; burn 3% = 7; 233 split by shards 3:3:2:2
        Receipt advance = c.exec(TestChain.ADMIN, new Call.AdvanceEpoch());
        assertThat(eventNames(advance)).containsExactly("EpochParametersSelected", "EpochChangeStart",
                "PricesUpdated", "ShardsReceived", "ShardsReceived", "EpochChangeDone", "ShardsReceived",
                "ShardsReceived");
        assertThat(event(advance, "EpochChangeStart")).containsEntry("epoch", 2L);
        assertThat(event(advance, "PricesUpdated")).containsExactlyEntriesOf(TestChain.ordered(
                "epoch", 2L, "storage_price", "100", "write_price", "20"));
        assertThat(s.currentEpoch()).isEqualTo(2);
        assertThat(s.totalBurned()).isEqualTo(7);
        long[] expectedRewards = {69, 69, 46, 46};
        for (int i = 0; i < 4; i++) {
            Map<String, Object> pool = s.object(NODE_IDS.get(i)).orElseThrow().json();
            assertThat(pool.get("wal_balance")).isEqualTo(Long.toString(NODE_STAKE + expectedRewards[i]));
            assertThat(pool.get("rewards_pool")).isEqualTo(Map.of("value", Long.toString(expectedRewards[i])));
        }
        // the remainder (233 - 230 = 3) rolls into epoch 2, which holds 2 * 100 of storage payments
        Map<?, ?> accounting = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) s.object(s.systemStateFieldId()).orElseThrow()
                .json().get("value")).get("future_accounting"));
        List<?> ring = (List<?>) accounting.get("ring_buffer");
        Map<?, ?> epoch2 = (Map<?, ?>) ring.get(((Number) accounting.get("current_index")).intValue());
        assertThat(epoch2.get("epoch")).isEqualTo(2L);
        assertThat(epoch2.get("rewards_to_distribute")).isEqualTo(Map.of("value", "203"));
        assertThat(epoch2.get("used_capacity")).isEqualTo(Long.toString(2 * ENCODED_1000));
        assertThat(s.committee().shardAssignment().values()).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5),
                List.of(6, 7), List.of(8, 9));

        // the blob lives until epoch 6; in epoch 6 it has expired
        for (int e = 3; e <= 6; e++) {
            c.exec(TestChain.ADMIN, new Call.AdvanceEpoch());
        }
        assertThat(s.currentEpoch()).isEqualTo(6);
        c.rejected(ALICE, new Call.ExtendBlob(blob1, 1), AbortReason.EResourceBounds);
        c.rejected(ALICE, new Call.DeleteBlob(blob1), AbortReason.EBlobNotDeletable);
        assertThat(s.balance(ALICE)).isEqualTo(ALICE_FUNDS - 740);
        assertThat(s.totalMinted()).isEqualTo(ALICE_FUNDS + 4 * NODE_STAKE);
    }

    @Test
    void attributesAreAnInsertionOrderedVecMap() {
        TestChain c = TestChain.withCommittee();
        TestChain.TestBlob b = TestChain.blob(3, 10);
        SuiAddress blob = c.register(ALICE, c.reserve(ALICE, ENCODED_10, 1), b, false);
        c.exec(ALICE, new Call.SetBlobAttribute(blob, "a", "1"));
        c.exec(ALICE, new Call.SetBlobAttribute(blob, "b", "2"));
        Receipt update = c.exec(ALICE, new Call.SetBlobAttribute(blob, "a", "3"));
        assertThat(update.changes()).extracting(ch -> ch.getClass().getSimpleName()).containsExactly("Mutated",
                "Mutated");
        LedgerObject field = c.system.childObjects(blob).getFirst();
        assertThat(field.json().get("value")).isEqualTo(Map.of("metadata", Map.of("contents", List.of(
                Map.of("key", "b", "value", "2"), Map.of("key", "a", "value", "3")))));
        // Field<vector<u8>, Metadata> = id, name b"metadata", VecMap
        BcsReader r = new BcsReader(field.bcs());
        assertThat(r.fixedBytes(32)).isEqualTo(field.id().bytes());
        assertThat(r.string()).isEqualTo("metadata");
        assertThat(r.uleb128()).isEqualTo(2);
        assertThat(List.of(r.string(), r.string(), r.string(), r.string())).containsExactly("b", "2", "a", "3");
        r.expectEnd();
        c.exec(ALICE, new Call.RemoveBlobAttribute(blob, "b"));
        c.rejected(ALICE, new Call.RemoveBlobAttribute(blob, "b"), AbortReason.EKeyDoesNotExist);
        c.rejected(TestChain.BOB, new Call.SetBlobAttribute(blob, "x", "y"), AbortReason.ENotOwner);
        TestChain.TestBlob other = TestChain.blob(4, 10);
        SuiAddress bare = c.register(ALICE, c.reserve(ALICE, ENCODED_10, 1), other, false);
        c.rejected(ALICE, new Call.RemoveBlobAttribute(bare, "a"), AbortReason.EMissingMetadata);
    }

    /** A 10-byte blob: symbol size 2. */
    private static final long ENCODED_10 = 10 * (10 * 64 + 32) + 10 * 11 * 2;
}
