package io.walrusj.storage.testing;

import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.crypto.SuiAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Storage nodes under test on chain-testing's {@link FakeSuiChain} (events over its gRPC, the rest over its JSON-RPC). */
public final class NodeChain {
    private NodeChain() {
    }

    /** A fake chain with the Walrus objects for {@code nShards} shards, this epoch and committee. */
    public static FakeSuiChain start(int nShards, long epoch, Map<SuiAddress, List<Integer>> committee) {
        FakeSuiChain chain = FakeSuiChain.start();
        chain.publishWalrus(nShards, epoch, committee);
        return chain;
    }

    /** The node's command-line arguments that point it at {@code chain} (URLs and Walrus ids). */
    public static List<String> args(FakeSuiChain chain) {
        return List.of("--storage.rpc-url=" + chain.jsonRpcUri(), "--storage.grpc-url=" + chain.grpcUrl(),
                "--storage.package-id=" + FakeSuiChain.PACKAGE, "--storage.system-object-id=" + FakeSuiChain.SYSTEM,
                "--storage.staking-object-id=" + FakeSuiChain.STAKING);
    }

    /**
     * Points a storage node under test at {@code chain}: a fresh data directory, the chain's URLs
     * and object ids, {@code nodeId} as the node's identity.
     */
    public static void registerNodeProperties(FakeSuiChain chain, DynamicPropertyRegistry registry, SuiAddress nodeId,
            String dataDirPrefix) {
        String dataDir;
        try {
            dataDir = Files.createTempDirectory(dataDirPrefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("storage.data-dir", () -> dataDir);
        registry.add("storage.rpc-url", () -> chain.jsonRpcUri().toString());
        registry.add("storage.grpc-url", chain::grpcUrl);
        registry.add("storage.package-id", FakeSuiChain.PACKAGE::toString);
        registry.add("storage.system-object-id", FakeSuiChain.SYSTEM::toString);
        registry.add("storage.staking-object-id", FakeSuiChain.STAKING::toString);
        registry.add("storage.node-id", nodeId::toString);
    }
}
