package io.walrusj.chain.model;

import io.walrusj.chain.testing.Fixtures;
import io.walrusj.chain.testing.FakeSuiServer;

import static io.walrusj.chain.testing.FakeSuiServer.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.walrusj.chain.testing.FakeSuiServer.Reply;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.model.WalrusDecodeException.Reason;
import io.walrusj.chain.rpc.EventPage;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class WalrusEventsTest {

    private final WalrusEvents decoder = WalrusEvents.forNetwork(WalrusNetwork.MAINNET);

    private static FakeSuiServer server;
    private static SuiRpcClient client;

    @BeforeAll
    static void startServer() {
        server = FakeSuiServer.start();
        client = SuiRpcClient.create(server.uri());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    private static EventPage fetch(String resource, Map<String, String> vars) {
        server.respond(r -> Reply.ok(recorded(resource, vars)));
        return client.queryEvents(WalrusNetwork.MAINNET.eventsFilter(), null, 50);
    }

    @Test
    void everyEventTypeIsDecodedAndMatchesParsedJson() {
        EventPage page = fetch("queryEvents-all-types.json", Map.of());
        List<WalrusEvent> decoded = new ArrayList<>();
        for (SuiEvent e : page.data()) {
            decoded.add(decoder.decode(e)); // includes the parsedJson check
        }

        Map<String, WalrusEvent> expected = Fixtures.expectedEvents();
        assertThat(decoded).containsExactlyElementsOf(expected.values());
        assertThat(decoded).extracting(WalrusEvent::name).containsExactlyElementsOf(expected.keySet());
        assertThat(Set.copyOf(expected.keySet())).isEqualTo(WalrusEvents.knownNames()).hasSize(22);
        assertThat(decoded).noneMatch(e -> e instanceof WalrusEvent.UnknownEvent);
    }

    @Test
    void recordsWriteTheSameBytesAsTheHandWrittenBcs() {
        Map<String, byte[]> bcs = Fixtures.eventBcs();
        Fixtures.expectedEvents().forEach((name, event) -> {
            assertThat(event.toBcs()).as(name).isEqualTo(bcs.get(name));
            assertThat(WalrusEvents.decodeBody(name, bcs.get(name))).as(name).isEqualTo(event);
        });
    }

    @Test
    void fieldTypesFollowTheSpec() {
        var registered = (WalrusEvent.BlobRegistered) Fixtures.expectedEvents().get("BlobRegistered");
        assertThat(registered.blobId().toU256().toString())
                .isEqualTo("4117052061771242409423423268734312018404763949470584157657758379496220763587");
        var prices = (WalrusEvent.PricesUpdated) Fixtures.expectedEvents().get("PricesUpdated");
        assertThat(Long.toUnsignedString(prices.storagePrice())).isEqualTo("18446744073709551615");
        var shards = (WalrusEvent.ShardRecoveryStart) Fixtures.expectedEvents().get("ShardRecoveryStart");
        assertThat(shards.shards()).containsExactly(3, 65535);
    }

    @Test
    void parsedJsonMismatchIsDetected() {
        SuiEvent e = fetch("queryEvents-parsedjson-mismatch.json", Map.of()).data().getFirst();
        assertThatThrownBy(() -> decoder.decode(e))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.PARSED_JSON_MISMATCH))
                .hasMessageContaining("BlobCertified.end_epoch")
                .hasMessageContaining("BCS has 70")
                .hasMessageContaining("71");
        // Without the JSON, the same BCS decodes fine.
        assertThat(decoder.decode(e.type(), e.bcs())).isEqualTo(Fixtures.expectedEvents().get("BlobCertified"));
    }

    @Test
    void parsedJsonComparisonNormalisesNumbersIdsAndByteVectors() {
        String type = Fixtures.eventType("BlobRegistered");
        byte[] bcs = Fixtures.eventBcs().get("BlobRegistered");
        ObjectNode json = Json.NODES.objectNode();
        json.put("epoch", "17"); // number as string
        json.put("blob_id", "4117052061771242409423423268734312018404763949470584157657758379496220763587");
        json.put("size", 9007199254740993L); // u64 as a JSON number
        json.put("encoding_type", 1);
        json.put("end_epoch", 70);
        json.put("deletable", true);
        json.put("object_id", Fixtures.OBJ_A.toString().toUpperCase().replace("0X", "0x"));
        assertThat(decoder.decode(type, bcs, Optional.of(json))).isEqualTo(Fixtures.expectedEvents().get("BlobRegistered"));

        ObjectNode digest = Json.NODES.objectNode();
        digest.put("epoch", 20);
        digest.put("package_digest", Base64.getEncoder().encodeToString(Fixtures.DIGEST)); // base64 form
        assertThat(decoder.decode(Fixtures.eventType("ContractUpgradeProposed"),
                Fixtures.eventBcs().get("ContractUpgradeProposed"), Optional.of(digest))).isNotNull();

        // JSON null parsedJson: nothing to check.
        assertThat(decoder.decode(type, bcs, Optional.of(Json.NODES.nullNode()))).isNotNull();
    }

    @Test
    void parsedJsonWithMissingOrExtraFieldsIsAMismatch() {
        String type = Fixtures.eventType("EpochChangeStart");
        byte[] bcs = Fixtures.eventBcs().get("EpochChangeStart");
        ObjectNode extra = Json.NODES.objectNode();
        extra.put("epoch", 19);
        extra.put("extra", 1);
        assertThatThrownBy(() -> decoder.decode(type, bcs, Optional.of(extra)))
                .isInstanceOf(WalrusDecodeException.class).hasMessageContaining("fields [epoch, extra]");
        ObjectNode wrongType = Json.NODES.objectNode();
        wrongType.put("epoch", true);
        assertThatThrownBy(() -> decoder.decode(type, bcs, Optional.of(wrongType)))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.PARSED_JSON_MISMATCH));
        ObjectNode shards = Json.NODES.objectNode();
        shards.put("epoch", 19);
        shards.putArray("shards").add(0).add(7).add(998);
        assertThatThrownBy(() -> decoder.decode(Fixtures.eventType("ShardsReceived"),
                Fixtures.eventBcs().get("ShardsReceived"), Optional.of(shards)))
                .isInstanceOf(WalrusDecodeException.class).hasMessageContaining("ShardsReceived.shards[2]");
    }

    @Test
    void unknownEventNameBecomesUnknownEventOrATypedError() {
        byte[] raw = {23, 0, 0, 0, 9, 9};
        EventPage page = fetch("queryEvents-unknown-type.json",
                Map.of("bcs:unknown", Base64.getEncoder().encodeToString(raw)));
        WalrusEvent unknown = decoder.decode(page.data().get(0));
        assertThat(unknown).isInstanceOfSatisfying(WalrusEvent.UnknownEvent.class, u -> {
            assertThat(u.name()).isEqualTo("ManagedBlobCertified");
            assertThat(u.bcs()).isEqualTo(raw);
        });
        assertThat(decoder.decode(page.data().get(1))).isEqualTo(new WalrusEvent.EpochChangeStart(19));

        assertThatThrownBy(() -> decoder.rejectingUnknown().decode(page.data().get(0)))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.UNKNOWN_EVENT));
    }

    @Test
    void foreignPackageOrModuleIsRejected() {
        byte[] bcs = Fixtures.eventBcs().get("EpochChangeStart");
        assertThatThrownBy(() -> decoder.decode(Fixtures.LATEST + "::events::EpochChangeStart", bcs))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.WRONG_PACKAGE));
        assertThatThrownBy(() -> decoder.decode(Fixtures.PKG + "::system::EpochChangeStart", bcs))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.WRONG_MODULE));
        for (String bad : List.of("EpochChangeStart", "0xzz::events::X", Fixtures.PKG + "::events::", "::events::X")) {
            assertThatThrownBy(() -> decoder.decode(bad, bcs)).as(bad)
                    .isInstanceOfSatisfying(WalrusDecodeException.class,
                            x -> assertThat(x.reason()).isEqualTo(Reason.MALFORMED_TYPE));
        }
        // A type introduced by an upgrade carries the defining package's ID: accept it when configured.
        WalrusEvents withUpgrade = WalrusEvents.forNetwork(
                WalrusNetwork.MAINNET.withAdditionalEventPackages(Set.of(Fixtures.LATEST)));
        assertThat(withUpgrade.decode(Fixtures.LATEST + "::events::PricesUpdated", Fixtures.eventBcs().get("PricesUpdated")))
                .isEqualTo(Fixtures.expectedEvents().get("PricesUpdated"));
        // Short-form addresses are normalised.
        WalrusEvents local = new WalrusEvents(Set.of(SuiAddress.parseLenient("0xabc")), false);
        assertThat(local.decode("0xABC::events::EpochChangeStart", bcs)).isEqualTo(new WalrusEvent.EpochChangeStart(19));
    }

    @Test
    void malformedBcsIsATypedError() {
        String type = Fixtures.eventType("BlobCertified");
        byte[] good = Fixtures.eventBcs().get("BlobCertified");
        byte[] truncated = Arrays.copyOf(good, good.length - 1);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[] badBool = good.clone();
        badBool[good.length - 1] = 2; // is_extension
        for (byte[] bad : List.of(truncated, trailing, badBool, new byte[0])) {
            assertThatThrownBy(() -> decoder.decode(type, bad))
                    .isInstanceOfSatisfying(WalrusDecodeException.class, x -> {
                        assertThat(x.reason()).isEqualTo(Reason.MALFORMED_BCS);
                        assertThat(x.getCause()).isInstanceOf(BcsException.class);
                    })
                    .hasMessageContaining("BlobCertified");
        }
        // A non-canonical ULEB128 length in a vector<u16>.
        byte[] nonCanonical = {19, 0, 0, 0, (byte) 0x81, 0x00, 7, 0};
        assertThatThrownBy(() -> decoder.decode(Fixtures.eventType("ShardsReceived"), nonCanonical))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.MALFORMED_BCS));
    }

    @Test
    void recordedMalformedBcsPageIsRejected() {
        byte[] good = Fixtures.eventBcs().get("BlobRegistered");
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(good, 20));
        SuiEvent e = fetch("queryEvents-malformed-bcs.json", Map.of("bcs:truncated", truncated)).data().getFirst();
        assertThatThrownBy(() -> decoder.decode(e))
                .isInstanceOfSatisfying(WalrusDecodeException.class,
                        x -> assertThat(x.reason()).isEqualTo(Reason.MALFORMED_BCS));
    }

    @Test
    void typeTagsParse() {
        WalrusEvents.TypeTag t = WalrusEvents.TypeTag.parse("0x2::coin::CoinMetadata<0x2::sui::SUI>");
        assertThat(t.packageId()).isEqualTo(SuiAddress.parseLenient("0x2"));
        assertThat(t.module()).isEqualTo("coin");
        assertThat(t.name()).isEqualTo("CoinMetadata<0x2::sui::SUI>");
    }
}
