package io.walrusj.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetChainWriter;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.testing.FakeChainWriter;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.chain.testing.FakeWrite;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.metadata.BlobId;
import org.junit.jupiter.api.Test;

/** The devnet writer (signed transactions to the fake's JSON-RPC) and the fake writer record the same calls. */
class ChainWriterTest {

    @Test
    void devnetAndFakeWritersRecordTheSameCallsAndCreatedObjects() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        try (FakeSuiChain chain = FakeSuiChain.start(); SuiRpcClient rpc = SuiRpcClient.create(chain.jsonRpcUri())) {
            chain.setBalance(key.suiAddress(), FakeSuiChain.WAL_COIN_TYPE, 50);
            ChainWriter devnet = new DevnetChainWriter(new DevnetClient(rpc), key);
            ChainWriter fake = new FakeChainWriter(chain, key.suiAddress());
            for (ChainWriter w : new ChainWriter[] {devnet, fake}) {
                assertThat(w.sender()).isEqualTo(key.suiAddress());
                assertThat(w.walBalance()).isEqualTo(50);
                WriteResult reserved = w.reserveSpace(1000, 2);
                var storage = reserved.createdOne("::storage_resource::Storage");
                var blob = w.registerBlob(storage, BlobId.fromHex("02".repeat(32)), new byte[32], 10, 1, true)
                        .createdOne("::blob::Blob");
                w.insertOrUpdateMetadataPair(blob, "k", "v");
                w.epochSyncDone(FakeSuiChain.addr(0xa1), 3);
            }
            assertThat(chain.writes()).extracting(FakeWrite::call).hasSize(8).satisfies(calls -> {
                assertThat(calls.subList(0, 4)).extracting(c -> c.getClass()).isEqualTo(
                        calls.subList(4, 8).stream().map(c -> c.getClass()).toList());
                assertThat(calls.get(0)).isEqualTo(new Call.ReserveSpace(1000, 2));
                assertThat(calls.get(7)).isEqualTo(new Call.EpochSyncDone(FakeSuiChain.addr(0xa1), 3));
            });
            assertThat(chain.writes()).allSatisfy(w -> assertThat(w.sender()).isEqualTo(key.suiAddress()));
        }
    }
}
