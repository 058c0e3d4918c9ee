package io.walrusj.devnet.contract;

import static io.walrusj.devnet.contract.TestChain.ALICE;
import static io.walrusj.devnet.contract.TestChain.ADMIN;
import static io.walrusj.devnet.contract.TestChain.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Same genesis + same (context, call) sequence = same ledger, byte for byte; failed calls change nothing. */
class DeterminismTest {

    /** A call that may depend on earlier results (object ids are read from the chain it runs on). */
    private record Step(SuiAddress sender, Function<TestChain, Call> call) {}

    private static List<Step> script() {
        TestChain.TestBlob b1 = TestChain.blob(1, 5000);
        TestChain.TestBlob b2 = TestChain.blob(2, 70);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(ALICE, c -> new Call.ReserveSpace(30_000, 4)));
        steps.add(new Step(ALICE, c -> new Call.ReserveSpace(20_000, 2)));
        steps.add(new Step(ALICE, c -> new Call.RegisterBlob(storage(c, 0), b1.blobId(), b1.rootHash(), 5000, 1,
                false)));
        steps.add(new Step(ALICE, c -> new Call.RegisterBlob(storage(c, 0), b2.blobId(), b2.rootHash(), 70, 1, true)));
        steps.add(new Step(ALICE, c -> TestChain.certifyCall(blob(c, b1), TestChain.certificate(
                StorageConfirmationMessage.permanent(1, b1.blobId()).toBytes(), 0, 1, 3))));
        steps.add(new Step(BOB, c -> new Call.ReserveSpace(1, 1))); // fails: Bob has no WAL
        steps.add(new Step(ALICE, c -> new Call.SetBlobAttribute(blob(c, b2), "k", "v")));
        steps.add(new Step(ALICE, c -> new Call.ExtendBlob(blob(c, b1), 3)));
        steps.add(new Step(BOB, c -> new Call.Faucet(BOB, 1_000_000)));
        steps.add(new Step(ADMIN, c -> new Call.AdvanceEpoch()));
        steps.add(new Step(ALICE, c -> new Call.DeleteBlob(blob(c, b2))));
        steps.add(new Step(BOB, c -> new Call.StakeWithPool(TestChain.NODE_IDS.get(3), 5_000_000_000L))); // no funds
        steps.add(new Step(BOB, c -> new Call.TransferWal(ALICE, 1234)));
        steps.add(new Step(ADMIN, c -> new Call.AdvanceEpoch()));
        return steps;
    }

    private static SuiAddress storage(TestChain c, int index) {
        return c.system.objectsOwnedBy(ALICE).stream().filter(o -> o.type().endsWith("::Storage"))
                .map(LedgerObject::id).toList().get(index);
    }

    private static SuiAddress blob(TestChain c, TestChain.TestBlob b) {
        return c.system.objectsOwnedBy(ALICE).stream().filter(o -> o.type().endsWith("::blob::Blob"))
                .filter(o -> o.json().get("blob_id").equals(b.blobId().toU256().toString())).findFirst()
                .orElseThrow().id();
    }

    /** Runs the script; returns a rendering of every receipt (or the abort) for comparison. */
    private static List<String> run(TestChain c, boolean skipFailures, List<Integer> failures) {
        List<String> out = new ArrayList<>();
        List<Step> steps = script();
        for (int i = 0; i < steps.size(); i++) {
            if (skipFailures && failures.contains(i)) {
                continue;
            }
            Step s = steps.get(i);
            try {
                out.add(render(c.exec(s.sender(), s.call().apply(c))));
            } catch (ContractException e) {
                failures.add(i);
                out.add("abort " + e.reason());
            }
        }
        return out;
    }

    private static String render(Receipt r) {
        StringBuilder sb = new StringBuilder();
        for (ObjectChange ch : r.changes()) {
            LedgerObject o = ch.object();
            sb.append(ch.getClass().getSimpleName()).append(' ').append(o.id()).append(" v").append(o.version())
                    .append(' ').append(o.type()).append(' ').append(o.owner()).append(' ')
                    .append(HexFormat.of().formatHex(o.bcs())).append(' ').append(o.json()).append('\n');
        }
        for (EmittedEvent e : r.events()) {
            sb.append(e.type()).append(' ').append(HexFormat.of().formatHex(e.bcs())).append(' ').append(e.json())
                    .append('\n');
        }
        return sb.toString();
    }

    @Test
    void twoChainsFedTheSameCallsAreIdentical() {
        TestChain a = TestChain.withCommittee();
        TestChain b = TestChain.withCommittee();
        assertThat(a.system.stateDigest()).isEqualTo(b.system.stateDigest());
        List<Integer> failuresA = new ArrayList<>();
        List<String> receiptsA = run(a, false, failuresA);
        List<String> receiptsB = run(b, false, new ArrayList<>());
        assertThat(receiptsA).isEqualTo(receiptsB);
        assertThat(failuresA).containsExactly(5, 11);
        assertThat(a.system.stateDigest()).isEqualTo(b.system.stateDigest());
        assertThat(a.system.currentEpoch()).isEqualTo(3);
    }

    @Test
    void failedCallsLeaveNoTraceSoReplayWithoutThemMatches() {
        TestChain full = TestChain.withCommittee();
        List<Integer> failures = new ArrayList<>();
        run(full, false, failures);
        TestChain replay = TestChain.withCommittee();
        // the replay skips the failed calls but must use the same contexts (digests, times) for the others
        List<Step> steps = script();
        for (int i = 0; i < steps.size(); i++) {
            TxContext ctx = replay.ctx(steps.get(i).sender());
            if (!failures.contains(i)) {
                replay.system.execute(ctx, steps.get(i).call().apply(replay));
            }
        }
        assertThat(replay.system.stateDigest()).isEqualTo(full.system.stateDigest());
    }

    @Test
    void objectIdsDeriveFromTheDigestLikeSui() {
        TestChain c = TestChain.withCommittee();
        TxContext ctx = c.ctx(ALICE);
        Receipt r = c.system.execute(ctx, new Call.ReserveSpace(100, 1));
        SuiAddress storage = TestChain.createdId(r, "::Storage");
        assertThat(storage).isEqualTo(ObjectIds.derive(ctx.txDigest(), 0));
        // the inner states are the dynamic fields named 4 (the contract version) of the shared objects
        assertThat(c.system.systemStateFieldId()).isEqualTo(ObjectIds.u64Field(TestChain.SYSTEM, 4));
        LedgerObject field = c.system.object(c.system.systemStateFieldId()).orElseThrow();
        assertThat(field.owner()).isEqualTo(new Owner.ObjectOwner(TestChain.SYSTEM));
        assertThat(field.dynamicField().orElseThrow().json()).isEqualTo("4");
        assertThat(c.system.childObjects(TestChain.SYSTEM)).extracting(LedgerObject::id)
                .containsExactly(c.system.systemStateFieldId());
    }

    @Test
    void versionsAreLamportTimestamps() {
        TestChain c = TestChain.withCommittee();
        Receipt r1 = c.exec(ALICE, new Call.ReserveSpace(100, 1)); // reads System v1 -> writes at v2
        assertThat(r1.changes()).allMatch(ch -> ch.object().version() == 2);
        Receipt r2 = c.exec(ALICE, new Call.Faucet(ALICE, 1)); // touches no object
        assertThat(r2.changes()).isEmpty();
        Receipt r3 = c.exec(ALICE, new Call.ReserveSpace(100, 1));
        assertThat(r3.changes()).allMatch(ch -> ch.object().version() == 3);
        SuiAddress first = TestChain.createdId(r1, "::Storage");
        assertThat(c.system.object(first).orElseThrow().version()).isEqualTo(2);
    }
}
