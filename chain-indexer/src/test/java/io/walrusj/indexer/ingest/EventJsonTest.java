package io.walrusj.indexer.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.model.WalrusEvents;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The event log's JSON is what Sui's parsedJson would be: chain-client's strict check accepts it. */
class EventJsonTest {

    private static final BlobId BLOB = BlobId.fromHex("c3a5f1d4e2b7a9081726354453627180f9e8d7c6b5a49382716f5e4d3c2b1a09");
    private static final SuiAddress ID = SuiAddress.parse("0x7e1b9c2d3f4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4");

    static List<WalrusEvent> samples() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xff;
        return List.of(
                new WalrusEvent.BlobRegistered(17, BLOB, -1L, 1, 70, true, ID),
                new WalrusEvent.BlobCertified(17, BLOB, 70, false, ID, true),
                new WalrusEvent.BlobDeleted(18, BLOB, 70, ID, true),
                new WalrusEvent.InvalidBlobId(18, BLOB),
                new WalrusEvent.EpochChangeStart(19),
                new WalrusEvent.EpochChangeDone(19),
                new WalrusEvent.ShardsReceived(19, List.of(0, 7, 65535)),
                new WalrusEvent.EpochParametersSelected(20),
                new WalrusEvent.ShardRecoveryStart(19, List.of(3)),
                new WalrusEvent.ContractUpgraded(20, ID, 3),
                new WalrusEvent.ContractUpgradeProposed(20, digest),
                new WalrusEvent.ContractUpgradeQuorumReached(20, digest),
                new WalrusEvent.RegisterDenyListUpdate(20, BigInteger.TWO.pow(255), 5, ID),
                new WalrusEvent.DenyListUpdate(20, BigInteger.ONE, -1L, ID),
                new WalrusEvent.DenyListBlobDeleted(20, BLOB),
                new WalrusEvent.ProtocolVersionUpdated(20, 21, 2),
                new WalrusEvent.PricesUpdated(20, -1L, 7),
                new WalrusEvent.StoragePoolCreated(20, ID, 1L << 40, 20, 30),
                new WalrusEvent.PooledBlobRegistered(20, BLOB, 99, 1, true, ID, ID),
                new WalrusEvent.PooledBlobCertified(20, BLOB, true, ID, ID),
                new WalrusEvent.PooledBlobDeleted(20, BLOB, ID, false, ID),
                new WalrusEvent.StoragePoolExtended(20, ID, 40));
    }

    @Test
    void everyEventRendersAsAcceptedParsedJson() {
        for (WalrusEvent e : samples()) {
            ObjectNode json = EventJson.toNode(e);
            assertThatCode(() -> WalrusEvents.verifyParsedJson(e, json)).as(e.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void widthsFollowSui() {
        ObjectNode json = EventJson.toNode(samples().get(0));
        assertThat(json.get("epoch").isNumber()).isTrue();
        assertThat(json.get("encoding_type").isNumber()).isTrue();
        assertThat(json.get("size").asString()).isEqualTo("18446744073709551615");
        assertThat(json.get("blob_id").asString()).isEqualTo(BLOB.toU256().toString());
        assertThat(json.get("object_id").asString()).isEqualTo(ID.toString());
    }

    @Test
    void unknownEventsHaveNoJson() {
        assertThat(EventJson.render(new WalrusEvent.UnknownEvent("ManagedBlobCreated", new byte[] {1}))).isNull();
    }
}
