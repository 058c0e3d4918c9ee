package io.walrusj.devnet.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.EncodingType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small devnet for tests: 10 shards, 4 genesis nodes with equal stake (shards 3, 3, 2, 2 in
 * node-id order), real BLS keys, storage price 100 and write price 20 FROST per unit, one funded user.
 */
final class TestChain {
    static final int N_SHARDS = 10;
    static final long EPOCH_MS = 1_000_000;
    static final long START_MS = 10_000_000;
    static final long STORAGE_PRICE = 100;
    static final long WRITE_PRICE = 20;
    static final long CAPACITY = 1L << 30;
    static final long NODE_STAKE = 100_000_000_000L;
    static final long ALICE_FUNDS = 1_000_000;

    static final SuiAddress PACKAGE = address(0xAA);
    static final SuiAddress SYSTEM = address(0x51);
    static final SuiAddress STAKING = address(0x52);
    static final SuiAddress ALICE = address(0xA1);
    static final SuiAddress BOB = address(0xB0);
    /** The genesis admin account: may send the privileged calls (AdvanceEpoch) like the chain itself. */
    static final SuiAddress ADMIN = address(0xAD);
    static final List<SuiAddress> NODE_IDS = List.of(address(0x01), address(0x02), address(0x03), address(0x04));
    static final List<SuiAddress> OPERATORS = List.of(address(0x11), address(0x12), address(0x13), address(0x14));
    static final List<BlsKeyPair> KEYS = List.of(key(1), key(2), key(3), key(4));

    final WalrusSystem system;
    private long txCounter;
    private long now = START_MS;

    TestChain(WalrusSystem system) {
        this.system = system;
    }

    static TestChain withCommittee() {
        return new TestChain(WalrusSystem.genesis(genesis(true, true)));
    }

    static Genesis genesis(boolean withCommittee, boolean faucet) {
        return genesis(withCommittee, faucet, Genesis.DEFAULT_FAUCET_MAX_AMOUNT);
    }

    static Genesis genesis(boolean withCommittee, boolean faucet, long faucetMaxAmount) {
        List<GenesisNode> nodes = new ArrayList<>();
        if (withCommittee) {
            for (int i = 0; i < 4; i++) {
                nodes.add(new GenesisNode(NODE_IDS.get(i), "node-" + i, "127.0.0.1:" + (9100 + i),
                        KEYS.get(i).publicKey(), OPERATORS.get(i), NODE_STAKE));
            }
        }
        return new Genesis(N_SHARDS, EPOCH_MS, START_MS, Genesis.DEFAULT_MAX_EPOCHS_AHEAD, STORAGE_PRICE, WRITE_PRICE,
                CAPACITY, PACKAGE, SYSTEM, STAKING, Map.of(ALICE, ALICE_FUNDS), nodes, faucet, faucetMaxAmount, ADMIN);
    }

    static SuiAddress address(int last) {
        byte[] b = new byte[32];
        b[31] = (byte) last;
        return SuiAddress.of(b);
    }

    static BlsKeyPair key(int seed) {
        byte[] ikm = new byte[32];
        ikm[0] = (byte) seed;
        return BlsKeyPair.fromSeed(ikm);
    }

    /** The next transaction context from {@code sender}: digest = Blake2b-256("tx" || counter). */
    TxContext ctx(SuiAddress sender) {
        return new TxContext(sender, digest(txCounter++), now);
    }

    static byte[] digest(long n) {
        return Blake2b256.hash(("tx" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void advanceClock(long ms) {
        now += ms;
    }

    void setClock(long ms) {
        now = ms;
    }

    long now() {
        return now;
    }

    Receipt exec(SuiAddress sender, Call call) {
        return system.execute(ctx(sender), call);
    }

    /** Runs {@code call}, expects the abort {@code reason} and checks that the ledger did not change at all. */
    ContractException rejected(SuiAddress sender, Call call, AbortReason reason) {
        byte[] before = system.stateDigest();
        Map<SuiAddress, Long> balances = system.balances();
        ContractException e = catchThrowableOfType(ContractException.class, () -> exec(sender, call));
        assertThat(e).as("expected %s", reason).isNotNull();
        assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason);
        assertThat(HexFormat.of().formatHex(system.stateDigest())).isEqualTo(HexFormat.of().formatHex(before));
        assertThat(system.balances()).isEqualTo(balances);
        return e;
    }

    // ------------------------------------------------------------------ blobs

    record TestBlob(BlobId blobId, byte[] rootHash, long size) {}

    static TestBlob blob(int seed, long size) {
        byte[] root = Blake2b256.hash(("root" + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new TestBlob(BlobId.derive(EncodingType.RS2, size, root), root, size);
    }

    static <T extends ObjectChange> List<LedgerObject> changed(Receipt r, Class<T> kind, String typeSuffix) {
        return r.changes().stream().filter(kind::isInstance).map(ObjectChange::object)
                .filter(o -> o.type().endsWith(typeSuffix)).toList();
    }

    static SuiAddress createdId(Receipt r, String typeSuffix) {
        List<LedgerObject> created = changed(r, ObjectChange.Created.class, typeSuffix);
        assertThat(created).hasSize(1);
        return created.getFirst().id();
    }

    SuiAddress reserve(SuiAddress sender, long size, long epochs) {
        return createdId(exec(sender, new Call.ReserveSpace(size, epochs)), "::storage_resource::Storage");
    }

    SuiAddress register(SuiAddress sender, SuiAddress storage, TestBlob blob, boolean deletable) {
        Receipt r = exec(sender, new Call.RegisterBlob(storage, blob.blobId(), blob.rootHash(), blob.size(), 1,
                deletable));
        return createdId(r, "::blob::Blob");
    }

    /** A certificate by the committee members at {@code signerIndices} over {@code message}. */
    static Certificate certificate(byte[] message, int... signerIndices) {
        Map<Integer, BlsSignature> sigs = new TreeMap<>();
        for (int i : signerIndices) {
            sigs.put(i, KEYS.get(i).sign(message));
        }
        return Certificate.aggregate(message, KEYS.size(), sigs);
    }

    static Call.CertifyBlob certifyCall(SuiAddress blobObject, Certificate cert) {
        return new Call.CertifyBlob(blobObject, cert.signature().toBytes(), cert.signers().toBytes(), cert.message());
    }

    static List<String> eventNames(Receipt r) {
        return r.events().stream().map(EmittedEvent::name).toList();
    }

    static Map<String, Object> event(Receipt r, String name) {
        List<EmittedEvent> matching = r.events().stream().filter(e -> e.name().equals(name)).toList();
        assertThat(matching).as("events named %s", name).hasSize(1);
        return matching.getFirst().json();
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
