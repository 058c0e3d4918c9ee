package io.walrusj.devnet.grpc;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.walrusj.chain.grpc.proto.Balance;
import io.walrusj.chain.grpc.proto.DynamicField;
import io.walrusj.chain.grpc.proto.GetBalanceRequest;
import io.walrusj.chain.grpc.proto.GetBalanceResponse;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsRequest;
import io.walrusj.chain.grpc.proto.ListDynamicFieldsResponse;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsRequest;
import io.walrusj.chain.grpc.proto.ListOwnedObjectsResponse;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.devnet.ledger.Ledger;
import io.walrusj.devnet.ledger.LedgerStore;
import io.walrusj.devnet.ledger.StoredObject;
import java.util.Arrays;
import java.util.List;

/**
 * Sui's {@code StateService} over the devnet ledger. Pages are ordered by object id; a page token
 * is the 32-byte id of the page's last entry. Page sizes follow Sui: default 50, at most 1000
 * (larger values are coerced).
 */
final class StateGrpcService extends io.walrusj.chain.grpc.proto.StateServiceGrpc.StateServiceImplBase {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 1000;
    private static final String FIELD_TYPE_PREFIX = "0x2::dynamic_field::Field<";

    private final Ledger ledger;
    private final LedgerStore store;

    StateGrpcService(Ledger ledger, LedgerStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    @Override
    public void getBalance(GetBalanceRequest request, StreamObserver<GetBalanceResponse> out) {
        SuiAddress owner = GrpcStatuses.address(request.hasOwner(), request.getOwner(), "owner");
        if (!request.hasCoinType() || request.getCoinType().isEmpty()) {
            throw GrpcStatuses.missing("coin_type");
        }
        String wal = ledger.genesis().packageId() + "::wal::WAL";
        String coinType = normalizeType(request.getCoinType(), "coin_type");
        // WAL is kept as account balances; the devnet has no other coin (a balance of 0, as Sui answers for a coin not held).
        long amount = coinType.equals(wal) ? ledger.system().balance(owner) : 0;
        LedgerGrpcService.answer(out, GetBalanceResponse.newBuilder().setBalance(Balance.newBuilder()
                .setCoinType(coinType).setBalance(amount).setCoinBalance(amount).setAddressBalance(0)).build());
    }

    @Override
    public void listOwnedObjects(ListOwnedObjectsRequest request, StreamObserver<ListOwnedObjectsResponse> out) {
        SuiAddress owner = GrpcStatuses.address(request.hasOwner(), request.getOwner(), "owner");
        ReadMask mask = ReadMask.of(request.hasReadMask(), request.getReadMask(), io.walrusj.chain.grpc.proto.Object.getDescriptor(),
                "object_id", "version", "object_type");
        String type = null;
        boolean anyInstantiation = false;
        if (request.hasObjectType() && !request.getObjectType().isEmpty()) {
            type = normalizeType(request.getObjectType(), "object_type");
            anyInstantiation = type.indexOf('<') < 0;
        }
        int size = pageSize(request.hasPageSize(), request.getPageSize());
        List<StoredObject> rows = store.ownedObjects(owner, type, anyInstantiation,
                token(request.hasPageToken(), request.getPageToken()), size + 1);
        ListOwnedObjectsResponse.Builder response = ListOwnedObjectsResponse.newBuilder();
        rows.stream().limit(size).forEach(o -> response.addObjects(mask.apply(SuiProtos.object(o, mask.includes("json")))));
        if (rows.size() > size) {
            response.setNextPageToken(ByteString.copyFrom(rows.get(size - 1).id().bytes()));
        }
        LedgerGrpcService.answer(out, response.build());
    }

    @Override
    public void listDynamicFields(ListDynamicFieldsRequest request, StreamObserver<ListDynamicFieldsResponse> out) {
        SuiAddress parent = GrpcStatuses.address(request.hasParent(), request.getParent(), "parent");
        ReadMask mask = ReadMask.of(request.hasReadMask(), request.getReadMask(), DynamicField.getDescriptor(), "parent", "field_id");
        int size = pageSize(request.hasPageSize(), request.getPageSize());
        List<LedgerStore.FieldWithObject> rows = store.dynamicFields(parent, token(request.hasPageToken(), request.getPageToken()), size + 1);
        ListDynamicFieldsResponse.Builder response = ListDynamicFieldsResponse.newBuilder();
        boolean json = mask.includes("field_object") && mask.child("field_object").includes("json");
        rows.stream().limit(size).forEach(f -> response.addDynamicFields(mask.apply(dynamicField(f, json))));
        if (rows.size() > size) {
            response.setNextPageToken(ByteString.copyFrom(rows.get(size - 1).field().fieldId().bytes()));
        }
        LedgerGrpcService.answer(out, response.build());
    }

    /**
     * A {@code 0x2::dynamic_field::Field<Name, Value> { id: UID, name: Name, value: Value }}: the
     * value's BCS follows the 32-byte id and the name's BCS in the field object's contents. All the
     * devnet's dynamic fields are plain fields (kind FIELD), never dynamic object fields.
     */
    private static DynamicField dynamicField(LedgerStore.FieldWithObject f, boolean json) {
        StoredObject o = f.object();
        byte[] name = f.field().nameBcs();
        String valueType = typeArgument(o.type(), 1);
        byte[] contents = o.bcs();
        DynamicField.Builder b = DynamicField.newBuilder()
                .setKind(DynamicField.DynamicFieldKind.FIELD)
                .setParent(f.field().parent().toString())
                .setFieldId(o.id().toString())
                .setFieldObject(SuiProtos.object(o, json))
                .setName(SuiProtos.bcs(f.field().nameType(), name));
        if (valueType != null) {
            b.setValueType(valueType);
        }
        if (contents.length >= 32 + name.length) {
            b.setValue(SuiProtos.bcs(valueType, Arrays.copyOfRange(contents, 32 + name.length, contents.length)));
        }
        return b.build();
    }

    /** The {@code index}-th type argument of a {@code Field<..>} type, or null. */
    static String typeArgument(String type, int index) {
        if (!type.startsWith(FIELD_TYPE_PREFIX) || !type.endsWith(">")) {
            return null;
        }
        String args = type.substring(FIELD_TYPE_PREFIX.length(), type.length() - 1);
        int depth = 0;
        int start = 0;
        int n = 0;
        for (int i = 0; i <= args.length(); i++) {
            char c = i < args.length() ? args.charAt(i) : ',';
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                if (n++ == index) {
                    return args.substring(start, i).trim();
                }
                start = i + 1;
            }
        }
        return null;
    }

    static int pageSize(boolean present, int requested) {
        if (!present || requested == 0) {
            return DEFAULT_PAGE;
        }
        return Integer.compareUnsigned(requested, MAX_PAGE) > 0 ? MAX_PAGE : requested;
    }

    private static SuiAddress token(boolean present, ByteString token) {
        if (!present || token.isEmpty()) {
            return null;
        }
        if (token.size() != 32) {
            throw GrpcStatuses.invalid("page_token", "invalid page_token (not one this server issued)");
        }
        return SuiAddress.of(token.toByteArray());
    }

    /**
     * A Move type with its leading package address in the form the ledger stores (as Sui prints them:
     * framework addresses such as {@code 0x2} short, user packages as 0x + 64 hex digits).
     */
    static String normalizeType(String type, String field) {
        int sep = type.indexOf("::");
        if (sep < 0) {
            throw GrpcStatuses.invalid(field, "not a Move type: '" + GrpcStatuses.echo(type) + "'");
        }
        try {
            byte[] address = SuiAddress.parseLenient(type.substring(0, sep)).bytes();
            boolean framework = true;
            for (int i = 0; i < address.length - 1; i++) {
                framework &= address[i] == 0;
            }
            String printed = framework ? "0x" + Integer.toHexString(address[address.length - 1] & 0xff)
                    : SuiAddress.of(address).toString();
            return printed + type.substring(sep);
        } catch (CryptoException | IllegalArgumentException e) {
            throw GrpcStatuses.invalid(field, "invalid address in " + field + " '" + GrpcStatuses.echo(type) + "'");
        }
    }
}
