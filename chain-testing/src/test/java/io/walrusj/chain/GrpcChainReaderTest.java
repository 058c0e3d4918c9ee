package io.walrusj.chain;

import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.testing.FakeSuiChain;

/** {@link ChainReaderContract} over Sui gRPC ({@link GrpcObjectSource}). */
class GrpcChainReaderTest extends ChainReaderContract {

    SuiGrpcClient sui;

    @Override
    ChainReader open(FakeSuiChain chain) {
        sui = chain.client();
        return new WalrusChainReader(new GrpcObjectSource(sui), chain.network());
    }

    @Override
    void closeReader() {
        sui.close();
    }
}
