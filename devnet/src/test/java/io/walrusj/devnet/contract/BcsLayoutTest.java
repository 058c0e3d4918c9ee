package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.KEYS;
import static io.walrusj.devnet.contract.TestChain.NODE_IDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The BCS of the shared objects and their inner states decodes field by field as docs/spec/walrus-chain.md section 2 lists. */
class BcsLayoutTest {
    private final TestChain c = TestChain.withCommittee();
    private final WalrusSystem s = c.system;

    private static SuiAddress id(BcsReader r) {
        return SuiAddress.of(r.fixedBytes(32));
    }

    @Test
    void systemObjectAndInnerState() {
        LedgerObject system = s.object(TestChain.SYSTEM).orElseThrow();
        assertThat(system.type()).isEqualTo(TestChain.PACKAGE + "::system::System");
        BcsReader r = new BcsReader(system.bcs());
        assertThat(id(r)).isEqualTo(TestChain.SYSTEM);
        assertThat(r.u64()).isEqualTo(4);
        assertThat(id(r)).isEqualTo(TestChain.PACKAGE);
        assertThat(r.option(BcsReader::u64)).isEmpty();
        r.expectEnd();

        LedgerObject field = s.object(s.systemStateFieldId()).orElseThrow();
        assertThat(field.type()).isEqualTo("0x2::dynamic_field::Field<u64, " + TestChain.PACKAGE
                + "::system_state_inner::SystemStateInnerV1>");
        r = new BcsReader(field.bcs());
        assertThat(id(r)).isEqualTo(s.systemStateFieldId());
        assertThat(r.u64()).isEqualTo(4); // name = version
        // BlsCommittee
        List<Object[]> members = r.sequence(m -> new Object[] {m.bytes(), m.u16(), id(m)});
        assertThat(members).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(BlsPublicKey.fromUncompressedBytes((byte[]) members.get(i)[0])).isEqualTo(KEYS.get(i).publicKey());
            assertThat(members.get(i)[1]).isEqualTo(i < 2 ? 3 : 2);
            assertThat(members.get(i)[2]).isEqualTo(NODE_IDS.get(i));
        }
        assertThat(r.u16()).isEqualTo(10);
        assertThat(r.u32()).isEqualTo(1);
        byte[] totalKey = r.bytes();
        assertThat(totalKey).isEqualTo(BlsPublicKey.aggregate(KEYS.stream().map(k -> k.publicKey()).toList()).toBytes());
        assertThat(r.u64()).isEqualTo(TestChain.CAPACITY);
        assertThat(r.u64()).isZero();
        assertThat(r.u64()).isEqualTo(TestChain.STORAGE_PRICE);
        assertThat(r.u64()).isEqualTo(TestChain.WRITE_PRICE);
        // FutureAccountingRingBuffer after one epoch change: epoch 0's slot now holds epoch 53
        assertThat(r.u32()).isEqualTo(1);
        assertThat(r.u32()).isEqualTo(53);
        List<long[]> ring = r.sequence(e -> new long[] {e.u32(), e.u64(), e.u64()});
        assertThat(ring).hasSize(53);
        assertThat(ring.get(0)).containsExactly(53, 0, 0);
        assertThat(ring.get(1)).containsExactly(1, 0, 0);
        assertThat(ring.get(52)).containsExactly(52, 0, 0);
        assertThat(r.option(BcsReader::u64)).isEmpty(); // latest_certified_blob
        assertThat(r.uleb128()).isZero(); // aggregate_weight_per_blob
        id(r); // deny_list_sizes ExtendedField
        r.expectEnd();
    }

    @Test
    void stakingInnerState() {
        LedgerObject field = s.object(s.stakingStateFieldId()).orElseThrow();
        assertThat(field.type()).endsWith("::staking_inner::StakingInnerV1>");
        BcsReader r = new BcsReader(field.bcs());
        assertThat(id(r)).isEqualTo(s.stakingStateFieldId());
        assertThat(r.u64()).isEqualTo(4);
        assertThat(r.u16()).isEqualTo(10);
        assertThat(r.u64()).isEqualTo(TestChain.EPOCH_MS);
        assertThat(r.u64()).isEqualTo(TestChain.START_MS);
        SuiAddress poolsTable = id(r);
        assertThat(r.u64()).isEqualTo(4); // pools
        assertThat(r.u32()).isEqualTo(1); // epoch
        id(r); // active set
        assertThat(r.option(BcsLayoutTest::committee)).isEmpty(); // next_committee
        Map<SuiAddress, List<Integer>> committee = committee(r);
        assertThat(committee).containsExactly(Map.entry(NODE_IDS.get(0), List.of(0, 1, 2)),
                Map.entry(NODE_IDS.get(1), List.of(3, 4, 5)), Map.entry(NODE_IDS.get(2), List.of(6, 7)),
                Map.entry(NODE_IDS.get(3), List.of(8, 9)));
        assertThat(committee(r)).isEmpty(); // previous
        // next_epoch_params stays set after the change (as in Move): capacity and u64::MAX placeholders
        assertThat(r.option(p -> new long[] {p.u64(), p.u64(), p.u64()})).hasValueSatisfying(p ->
                assertThat(p[1]).isEqualTo(-1L));
        assertThat(r.variant("EpochState", 3)).isEqualTo(1);
        assertThat(r.u64()).isEqualTo(TestChain.START_MS);
        id(r);
        r.expectEnd();
        assertThat(s.childObjects(poolsTable)).extracting(LedgerObject::id).containsExactlyElementsOf(NODE_IDS);
    }

    @Test
    void stakingPoolCapAndStake() {
        LedgerObject pool = s.object(NODE_IDS.get(0)).orElseThrow();
        BcsReader r = new BcsReader(pool.bcs());
        assertThat(id(r)).isEqualTo(NODE_IDS.get(0));
        assertThat(r.variant("PoolState", 3)).isZero();
        assertThat(List.of(r.u64(), r.u64(), r.u64())).containsExactly(TestChain.STORAGE_PRICE, TestChain.WRITE_PRICE,
                322_122_548L); // ceil(2^30 * 3 / 10)
        assertThat(r.string()).isEqualTo("node-0");
        assertThat(id(r)).isEqualTo(NODE_IDS.get(0));
        assertThat(r.string()).isEqualTo("127.0.0.1:9100");
        assertThat(r.bytes()).isEqualTo(KEYS.get(0).publicKey().toUncompressedBytes());
        assertThat(r.option(BcsReader::bytes)).isEmpty();
        assertThat(r.bytes()).hasSize(33);
        id(r); // metadata
        assertThat(r.u32()).isZero(); // activation epoch
        assertThat(r.u32()).isEqualTo(1); // latest epoch
        assertThat(r.u64()).isEqualTo(TestChain.NODE_STAKE);
        assertThat(r.u64()).isEqualTo(TestChain.NODE_STAKE);
        for (int i = 0; i < 3; i++) {
            assertThat(r.uleb128()).isZero(); // withdrawals and commission-rate queues
        }
        assertThat(r.u16()).isZero();
        id(r);
        assertThat(r.u64()).isEqualTo(2); // exchange rates of epochs 0 and 1
        assertThat(r.uleb128()).isZero(); // pending stake activated
        assertThat(r.u64()).isZero();
        assertThat(r.u64()).isZero();
        assertThat(r.variant("Authorized", 2)).isEqualTo(1); // commission receiver: the cap
        SuiAddress capId = id(r);
        assertThat(r.variant("Authorized", 2)).isZero();
        assertThat(id(r)).isEqualTo(TestChain.OPERATORS.get(0));
        id(r);
        assertThat(r.u64()).isEqualTo(1); // blocked commission entry from the epoch change
        r.expectEnd();

        LedgerObject cap = s.object(capId).orElseThrow();
        assertThat(cap.type()).isEqualTo(TestChain.PACKAGE + "::storage_node::StorageNodeCap");
        r = new BcsReader(cap.bcs());
        assertThat(id(r)).isEqualTo(capId);
        assertThat(id(r)).isEqualTo(NODE_IDS.get(0));
        assertThat(r.u32()).isEqualTo(1); // last_epoch_sync_done
        assertThat(r.option(BcsReader::u64)).isEmpty();
        assertThat(r.u256()).isEqualTo(new byte[32]);
        assertThat(r.u64()).isZero();
        assertThat(r.u64()).isZero();
        r.expectEnd();

        LedgerObject staked = s.objectsOwnedBy(TestChain.OPERATORS.get(0)).stream()
                .filter(o -> o.type().endsWith("::staked_wal::StakedWal")).findFirst().orElseThrow();
        r = new BcsReader(staked.bcs());
        assertThat(id(r)).isEqualTo(staked.id());
        assertThat(r.variant("StakedWalState", 2)).isZero();
        assertThat(id(r)).isEqualTo(NODE_IDS.get(0));
        assertThat(r.u64()).isEqualTo(TestChain.NODE_STAKE);
        assertThat(r.u32()).isEqualTo(1);
        r.expectEnd();
    }

    private static Map<SuiAddress, List<Integer>> committee(BcsReader r) {
        Map<SuiAddress, List<Integer>> out = new java.util.LinkedHashMap<>();
        long n = r.uleb128();
        for (long i = 0; i < n; i++) {
            out.put(id(r), r.sequence(BcsReader::u16));
        }
        return out;
    }
}
