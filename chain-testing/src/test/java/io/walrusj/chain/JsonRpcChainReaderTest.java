package io.walrusj.chain;

import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.chain.testing.FakeSuiChain;

/** {@link ChainReaderContract} over the legacy JSON-RPC ({@link JsonRpcObjectSource}). */
class JsonRpcChainReaderTest extends ChainReaderContract {

    SuiRpcClient rpc;

    @Override
    ChainReader open(FakeSuiChain chain) {
        rpc = SuiRpcClient.create(chain.jsonRpcUri());
        return new WalrusChainReader(new JsonRpcObjectSource(rpc), chain.network());
    }

    @Override
    void closeReader() {
        rpc.close();
    }
}
