package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.chain.ObjectSource;
import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobAttributes;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.Storage;
import io.walrusj.chain.rpc.Owner;
import io.walrusj.chain.testing.FakeSuiChain;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.committee.TestChainView;
import io.walrusj.chain.factory.ChainSettings.Transport;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Blob object id -> blob and attributes (by-object-id reads) from the shared fake chain, over gRPC and the legacy JSON-RPC. */
class BlobObjectResolverTest {
    static final SuiAddress OWNER = FakeSuiChain.addr(0x0e);
    static final SuiAddress BLOB = FakeSuiChain.addr(0xb1);
    static final SuiAddress PLAIN = FakeSuiChain.addr(0xb2);

    final FakeSuiChain chain = FakeSuiChain.start();
    final Blob blob = blob(BLOB);
    TestChainView view;

    static Blob blob(SuiAddress id) {
        return new Blob(id, 2, BlobId.of(new byte[32]), 1234, 1, OptionalLong.of(3),
                new Storage(FakeSuiChain.addr(0x5a), 2, 9, 4096), false);
    }

    @BeforeEach
    void objects() {
        chain.publishWalrus(10, 3, Map.of());
        chain.blob(blob, OWNER);
        byte[] attributes = BcsWriter.encode(w -> w.sequence(List.of(Map.entry("content-type", "text/plain"),
                Map.entry("link", "<x>")), (ww, e) -> ww.string(e.getKey()).string(e.getValue())));
        chain.putDynamicField(BLOB, ObjectSource.FieldName.bytes(BlobAttributes.fieldNameBytes()),
                FakeSuiChain.PACKAGE + "::metadata::Metadata", attributes);
        chain.blob(blob(PLAIN), OWNER);
    }

    @AfterEach
    void close() {
        view.close();
        chain.close();
    }

    BlobObjectResolver resolver(Transport transport) {
        if (view != null) {
            view.close();
        }
        view = new TestChainView(chain, transport);
        return new BlobObjectResolver(view.view());
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aBlobWithItsAttributes(Transport transport) {
        BlobObjectResolver resolver = resolver(transport);
        BlobWithAttributes read = resolver.resolve(BLOB);
        assertThat(read.blob()).isEqualTo(blob);
        assertThat(read.attributes().get("content-type")).contains("text/plain");
        assertThat(read.attributes().get("link")).contains("<x>");
        assertThat(resolver.resolve(PLAIN).attributes().isEmpty()).isTrue();

        int jsonRpcReads = chain.calls("sui_getObject") + chain.calls("suix_getDynamicFieldObject");
        if (transport == Transport.GRPC) {
            assertThat(chain.calls("GetObject")).isPositive();
            assertThat(jsonRpcReads).as("JSON-RPC reads").isZero();
        } else {
            assertThat(jsonRpcReads).isPositive();
            assertThat(chain.calls("GetObject")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void missingObjectsAndOtherTypesAre404(Transport transport) {
        BlobObjectResolver resolver = resolver(transport);
        assertThatThrownBy(() -> resolver.resolve(FakeSuiChain.addr(0x99))).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("BLOB_NOT_FOUND"));
        chain.putObject(FakeSuiChain.addr(0x98), "0x2::coin::Coin<0x2::sui::SUI>", new Owner.AddressOwner(OWNER), new byte[40]);
        assertThatThrownBy(() -> resolver.resolve(FakeSuiChain.addr(0x98))).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("BLOB_NOT_FOUND"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void chainFailuresAre503(Transport transport) {
        BlobObjectResolver resolver = resolver(transport);
        chain.failNext(100);
        assertThatThrownBy(() -> resolver.resolve(BLOB)).isInstanceOfSatisfying(DaemonException.class,
                e -> assertThat(e.reason()).isEqualTo("CHAIN_UNAVAILABLE"));
    }
}
