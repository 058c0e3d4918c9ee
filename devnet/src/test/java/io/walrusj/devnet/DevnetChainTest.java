package io.walrusj.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.ChainInfo;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.devnet.DevnetTransaction;
import io.walrusj.chain.devnet.Executed;
import io.walrusj.chain.devnet.TransactionRejectedException;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.devnet.contract.CommitteeMember;
import io.walrusj.devnet.ledger.Ledger;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The devnet end to end over real HTTP and a real PostgreSQL server: signed transactions through
 * JSON-RPC, a blob registered and certified with a real BLS certificate from the genesis
 * committee's keys, Sui-shaped reads, rejections that change nothing, and a restart that replays
 * the log to the same state.
 */
class DevnetChainTest extends DevnetHttpTest {
    @Test
    void blobLifecycleRejectionsReadsAndReplay() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 18");
        JsonNode info = result("devnet_getChainInfo", "[]");
        assertThat(info.get("epoch").asLong()).isEqualTo(1);
        String packageId = info.get("packageId").asString();

        // A 1 KiB blob encoded with the system's n = 10.
        EncodingConfig config = new EncodingConfig(10);
        EncodedBlob blob = new BlobEncoder(config).encode(new byte[1024]);
        long balanceBefore = balance();
        JsonNode reserved = execute(new Call.ReserveSpace(config.encodedLength(1024), 3));
        String storageId = created(reserved, "::storage_resource::Storage");
        JsonNode registered = execute(new Call.RegisterBlob(SuiAddress.parse(storageId), blob.blobId(),
                blob.metadata().metadata().rootHash().bytes(), 1024, 1, false));
        String blobObject = created(registered, "::blob::Blob");
        JsonNode event = registered.get("events").get(0);
        assertThat(event.get("type").asString()).isEqualTo(packageId + "::events::BlobRegistered");
        assertThat(event.get("parsedJson").get("blob_id").asString()).isEqualTo(blob.blobId().toU256().toString());
        assertThat(balance()).isLessThan(balanceBefore);

        // One signer is far from a quorum of the 10 shards; all four are a quorum.
        byte[] message = StorageConfirmationMessage.permanent(1, blob.blobId()).toBytes();
        List<CommitteeMember> members = ledger.system().committee().members();
        Certificate tooFew = certificate(message, members, 1);
        JsonNode rejected = call("devnet_executeTransaction", signed(new Call.CertifyBlob(SuiAddress.parse(blobObject),
                tooFew.signature().toBytes(), tooFew.signers().toBytes(), message)));
        assertThat(rejected.get("error").get("code").asInt()).isEqualTo(-32002);
        assertThat(rejected.get("error").get("data").get("reason").asString()).isEqualTo("ENotEnoughStake");
        Certificate quorum = certificate(message, members, members.size());
        JsonNode certified = execute(new Call.CertifyBlob(SuiAddress.parse(blobObject), quorum.signature().toBytes(),
                quorum.signers().toBytes(), message));
        assertThat(certified.get("events").get(0).get("type").asString()).endsWith("::events::BlobCertified");

        // A forged signature, a replay and a malformed transaction change nothing.
        DevnetTransaction.Signed good = DevnetTransaction.sign(USER, nonce.incrementAndGet(), new Call.TransferWal(USER.suiAddress(), 1));
        byte[] tampered = good.txBytes().clone();
        tampered[tampered.length - 1] ^= 1;
        long checkpoint = latestCheckpoint();
        assertThat(call("devnet_executeTransaction", params(tampered, good.signature().toBase64())).get("error").get("data")
                .get("reason").asString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(call("devnet_executeTransaction", params(new byte[] {1, 2}, good.signature().toBase64())).get("error")
                .get("data").get("reason").asString()).isEqualTo("MALFORMED");
        assertThat(latestCheckpoint()).isEqualTo(checkpoint);
        assertThat(call("devnet_executeTransaction", params(good.txBytes(), good.signature().toBase64())).has("result")).isTrue();
        assertThat(call("devnet_executeTransaction", params(good.txBytes(), good.signature().toBase64())).get("error").get("data")
                .get("reason").asString()).isEqualTo("DUPLICATE");

        // Sui-shaped reads: the blob object with BCS, events by module with paging.
        JsonNode object = result("sui_getObject", "[\"" + blobObject + "\", {\"showType\":true,\"showOwner\":true,\"showContent\":true,\"showBcs\":true}]");
        assertThat(object.get("data").get("owner").get("AddressOwner").asString()).isEqualTo(USER.suiAddress().toString());
        assertThat(object.get("data").get("content").get("fields").get("certified_epoch").asString()).isEqualTo("1");
        assertThat(Base64.getDecoder().decode(object.get("data").get("bcs").get("bcsBytes").asString())).hasSizeGreaterThan(32);
        String filter = "{\"MoveEventModule\":{\"package\":\"" + packageId + "\",\"module\":\"events\"}}";
        JsonNode first = result("suix_queryEvents", "[" + filter + ", null, 2, false]");
        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("hasNextPage").asBoolean()).isTrue();
        JsonNode rest = result("suix_queryEvents", "[" + filter + ", " + first.get("nextCursor") + ", 50, false]");
        assertThat(rest.get("hasNextPage").asBoolean()).isFalse();
        assertThat(rest.get("data").get(rest.get("data").size() - 1).get("type").asString()).endsWith("::BlobCertified");
        JsonNode systemField = result("suix_getDynamicFieldObject", "[\"" + info.get("systemObjectId").asString()
                + "\", {\"type\":\"u64\",\"value\":\"4\"}]");
        assertThat(systemField.get("data").get("type").asString()).contains("SystemStateInnerV1");

        // JSON-RPC errors.
        assertThat(call("sui_nope", "[]").get("error").get("code").asInt()).isEqualTo(-32601);
        assertThat(call("sui_getObject", "[\"0xzz\"]").get("error").get("code").asInt()).isEqualTo(-32602);
        assertThat(callRaw("{not json").get("error").get("code").asInt()).isEqualTo(-32700);
        assertThat(call("suix_queryEvents", "[{\"All\":[]}, null, 51]").get("error").get("message").asString()).contains("limit");
        assertThat(result("sui_getObject", "[\"0x42\"]").get("error").get("code").asString()).isEqualTo("notExists");

        // chain-client's DevnetClient against the real endpoint: chain info, balances, execution, rejections.
        try (DevnetClient client = DevnetClient.create(URI.create("http://127.0.0.1:" + port + "/"))) {
            ChainInfo chain = client.chainInfo();
            assertThat(chain.packageId()).isEqualTo(SuiAddress.parse(packageId));
            assertThat(chain.systemObjectId()).isEqualTo(SuiAddress.parse(info.get("systemObjectId").asString()));
            assertThat(chain.nShards()).isEqualTo(10);
            assertThat(chain.epoch()).isEqualTo(1);
            assertThat(chain.epochDuration()).isEqualTo(java.time.Duration.ofHours(1));
            assertThat(chain.faucetEnabled()).isEqualTo(info.get("faucetEnabled").asBoolean());
            long before = client.balance(USER.suiAddress());
            assertThat(before).isEqualTo(balance());
            Executed space = client.execute(USER, new Call.ReserveSpace(config.encodedLength(1024), 2));
            assertThat(space.checkpoint()).isEqualTo(latestCheckpoint());
            assertThat(client.balance(USER.suiAddress())).isLessThan(before);
            EncodedBlob other = new BlobEncoder(config).encode(new byte[] {1, 2, 3});
            Executed registeredByClient = client.execute(USER, new Call.RegisterBlob(
                    space.createdOne("::storage_resource::Storage"), other.blobId(),
                    other.metadata().metadata().rootHash().bytes(), 3, 1, true));
            SuiAddress otherBlob = registeredByClient.createdOne("::blob::Blob");
            SuiEvent registeredEvent = registeredByClient.events("::events::BlobRegistered").getFirst();
            WalrusEvent decoded = WalrusEvents.decodeBody("BlobRegistered", registeredEvent.bcs());
            WalrusEvents.verifyParsedJson(decoded, registeredEvent.parsedJson().orElseThrow());
            assertThat(decoded).isInstanceOfSatisfying(WalrusEvent.BlobRegistered.class,
                    e -> assertThat(e.objectId()).isEqualTo(otherBlob));
            assertThatThrownBy(() -> client.execute(USER, new Call.ReserveSpace(1024, 0)))
                    .isInstanceOfSatisfying(TransactionRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo("EInvalidEpochsAhead"));
            DevnetTransaction.Signed once = client.sign(USER, new Call.DeleteBlob(otherBlob));
            assertThat(client.submit(once).objectChanges()).anyMatch(c -> c.isDeleted() && c.objectId().equals(otherBlob));
            assertThatThrownBy(() -> client.submit(once)).isInstanceOfSatisfying(TransactionRejectedException.class,
                    e -> assertThat(e.reason()).isEqualTo(TransactionRejectedException.DUPLICATE));
        }

        // A restart replays the log to exactly the acknowledged state.
        byte[] digest = ledger.system().stateDigest();
        Ledger reopened = restarted(store);
        assertThat(reopened.system().stateDigest()).isEqualTo(digest);
        assertThat(reopened.system().balance(USER.suiAddress())).isEqualTo(ledger.system().balance(USER.suiAddress()));
    }

    /**
     * Everything the contract emits and stores must read back through chain-client exactly as a
     * client of a real full node reads it: every event decodes (BCS) and matches its parsedJson, and
     * the System/Staking inner states give the committee and epoch the contract holds.
     */
    @Test
    void chainClientReadsTheDevnetLikeAFullNode() throws Exception {
        JsonNode info = result("devnet_getChainInfo", "[]");
        io.walrusj.chain.WalrusNetwork network = io.walrusj.chain.WalrusNetwork.custom("devnet",
                SuiAddress.parse(info.get("packageId").asString()), SuiAddress.parse(info.get("systemObjectId").asString()),
                SuiAddress.parse(info.get("stakingObjectId").asString()));
        execute(new Call.ReserveSpace(1 << 20, 1)); // make sure there is at least one user event besides genesis
        io.walrusj.chain.rpc.SuiRpcClient rpc = io.walrusj.chain.rpc.SuiRpcClient.builder(
                URI.create("http://127.0.0.1:" + port + "/")).build();
        List<io.walrusj.chain.follow.WalrusEventEnvelope> seen = new java.util.ArrayList<>();
        io.walrusj.chain.follow.InMemoryCursorStore cursors = new io.walrusj.chain.follow.InMemoryCursorStore();
        io.walrusj.chain.follow.EventFollower follower = io.walrusj.chain.follow.EventFollower.builder(rpc, network, cursors,
                (events, cursor) -> {
                    seen.addAll(events);
                    cursors.save(cursor);
                }).pageSize(7).build();
        while (follower.pollOnce().hasNextPage()) {
            // page through everything
        }
        assertThat(seen).isNotEmpty();
        assertThat(seen).noneMatch(e -> e.event() instanceof io.walrusj.chain.model.WalrusEvent.UnknownEvent);
        assertThat(seen).anyMatch(e -> e.event() instanceof io.walrusj.chain.model.WalrusEvent.EpochChangeDone);

        io.walrusj.chain.WalrusChainReader reader = new io.walrusj.chain.WalrusChainReader(rpc, network);
        assertThat(reader.currentEpoch()).isEqualTo(ledger.system().currentEpoch());
        io.walrusj.chain.model.BlsCommittee committee = reader.systemState().committee();
        assertThat(committee.nShards()).isEqualTo(10);
        assertThat(committee.members()).hasSize(NODE_KEYS.size());
        assertThat(reader.stakingState().committee()).isNotNull();
    }

    private Certificate certificate(byte[] message, List<CommitteeMember> members, int signers) {
        Map<Integer, BlsSignature> signatures = new HashMap<>();
        for (CommitteeMember member : members.subList(0, signers)) {
            BlsKeyPair key = NODE_KEYS.stream().filter(k -> k.publicKey().equals(member.publicKey())).findFirst().orElseThrow();
            signatures.put(member.index(), key.sign(message));
        }
        return Certificate.aggregate(message, members.size(), signatures);
    }

    private static String created(JsonNode executed, String typeSuffix) {
        for (JsonNode change : executed.get("objectChanges")) {
            if (change.get("type").asString().equals("created") && change.get("objectType").asString().endsWith(typeSuffix)) {
                return change.get("objectId").asString();
            }
        }
        throw new AssertionError("no created " + typeSuffix + " in " + executed);
    }

}
