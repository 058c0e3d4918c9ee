package io.walrusj.chain.devnet;

import io.walrusj.chain.testing.FakeSuiServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.walrusj.chain.testing.FakeSuiServer.Reply;
import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class NetworkResolverTest {
    private static final String PKG = "0x" + "aa".repeat(32);
    private static final String SYSTEM = "0x" + "51".repeat(32);
    private static final String STAKING = "0x" + "52".repeat(32);

    private FakeSuiServer devnet;
    private SuiRpcClient rpc;

    @BeforeEach
    void setUp() {
        devnet = FakeSuiServer.start();
        devnet.respond(r -> {
            ObjectNode reply = Json.NODES.objectNode();
            reply.put("jsonrpc", "2.0");
            reply.set("result", Json.MAPPER.readTree("{\"packageId\":\"" + PKG + "\",\"systemObjectId\":\"" + SYSTEM
                    + "\",\"stakingObjectId\":\"" + STAKING + "\"}")); // the IDs are all it needs
            reply.set("id", r.get("id"));
            return Reply.ok(reply.toString());
        });
        rpc = SuiRpcClient.create(devnet.uri());
    }

    @AfterEach
    void tearDown() {
        rpc.close();
        devnet.close();
    }

    @Test
    void presetsNeedNoChainCall() {
        assertThat(NetworkResolver.resolve("mainnet", null, null, null, rpc)).isEqualTo(WalrusNetwork.MAINNET);
        assertThat(NetworkResolver.resolve(" TestNet ", "", "", "", rpc)).isEqualTo(WalrusNetwork.TESTNET);
        assertThat(devnet.served()).isZero();
    }

    @Test
    void configuredIdsAreUsedAsGiven() {
        String other = "0x" + "01".repeat(32);
        WalrusNetwork n = NetworkResolver.resolve(null, other, other, other, rpc);
        assertThat(n.originalPackageId()).isEqualTo(SuiAddress.parse(other));
        assertThat(n.systemObjectId()).isEqualTo(SuiAddress.parse(other));
        assertThat(devnet.served()).isZero();
    }

    @Test
    void missingIdsAreAskedFromTheDevnet() {
        WalrusNetwork all = NetworkResolver.resolve("custom", null, " ", "", rpc);
        assertThat(all.originalPackageId()).isEqualTo(SuiAddress.parse(PKG));
        assertThat(all.systemObjectId()).isEqualTo(SuiAddress.parse(SYSTEM));
        assertThat(all.stakingObjectId()).isEqualTo(SuiAddress.parse(STAKING));

        String mine = "0x" + "07".repeat(32);
        WalrusNetwork partly = NetworkResolver.resolve("devnet", mine, null, null, rpc);
        assertThat(partly.originalPackageId()).isEqualTo(SuiAddress.parse(mine));
        assertThat(partly.stakingObjectId()).isEqualTo(SuiAddress.parse(STAKING));
    }

    @Test
    void aMalformedConfiguredIdIsAnIllegalArgument() {
        assertThatThrownBy(() -> NetworkResolver.resolve("custom", "0xnothex", null, null, rpc))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0xnothex");
    }

    @Test
    void anUnknownPresetIsRejected() {
        assertThatThrownBy(() -> NetworkResolver.resolve("moonnet", null, null, null, rpc))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moonnet");
    }
}
