package io.walrusj.chain;

import io.walrusj.chain.grpc.ObjectData;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.grpc.TypeOrigin;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.core.crypto.SuiAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ObjectSource} over Sui gRPC v2 ({@link SuiGrpcClient}): {@code GetObject} (contents),
 * dynamic fields by their derived id ({@link DynamicFieldIds}, one {@code GetObject} instead of
 * JSON-RPC's two calls), the package's {@code type_origins}, {@code GetServiceInfo} for the latest
 * checkpoint, {@code GetBalance}.
 */
public final class GrpcObjectSource implements ObjectSource {

    private final SuiGrpcClient sui;

    public GrpcObjectSource(SuiGrpcClient sui) {
        this.sui = Objects.requireNonNull(sui, "sui");
    }

    public SuiGrpcClient client() {
        return sui;
    }

    @Override
    public Optional<MoveObject> object(SuiAddress id) {
        return sui.getObject(id).map(GrpcObjectSource::move);
    }

    @Override
    public Optional<MoveObject> dynamicField(SuiAddress parent, FieldName name) {
        return object(DynamicFieldIds.derive(parent, name));
    }

    @Override
    public Map<String, SuiAddress> typeOrigins(SuiAddress packageId, String module) {
        Map<String, SuiAddress> out = new LinkedHashMap<>();
        for (TypeOrigin o : sui.getPackageTypeOrigins(packageId).orElseThrow(() -> new SuiObjectUnavailableException(
                "LedgerService/GetObject", "package " + packageId + " not found", null))) {
            if (o.module().equals(module)) {
                out.put(o.datatype(), o.packageId());
            }
        }
        return out;
    }

    @Override
    public long latestCheckpoint() {
        return sui.serviceInfo().checkpointHeight();
    }

    @Override
    public long balance(SuiAddress owner, String coinType) {
        return sui.getBalance(owner, coinType).balance();
    }

    private static MoveObject move(ObjectData o) {
        return new MoveObject(o.objectId(), o.type(), o.requireContents());
    }
}
