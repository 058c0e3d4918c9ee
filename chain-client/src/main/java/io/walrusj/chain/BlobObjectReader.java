package io.walrusj.chain;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobAttributes;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.MoveObjects;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.rpc.DynamicFieldName;
import io.walrusj.chain.rpc.Json;
import io.walrusj.chain.rpc.ObjectDataOptions;
import io.walrusj.chain.rpc.ObjectResponseError;
import io.walrusj.chain.rpc.SuiObject;
import io.walrusj.chain.rpc.SuiObjectResponse;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;

/**
 * Reads a {@code Blob} or {@code SharedBlob} object by ID together with the blob's attributes, as
 * an aggregator's {@code GET /v1/blobs/by-object-id/{id}} needs it.
 *
 * <p>A {@code SharedBlob} is {@code {id: UID, blob: Blob, funds: Balance<WAL>}}; its attributes are
 * those of the wrapped blob. The attributes are the dynamic field {@code b"metadata"} (name type
 * {@code vector<u8>}, JSON value an array of byte numbers) of the blob's UID, read with
 * {@code suix_getDynamicFieldObject}; a full node answers that without BCS, so the field object is
 * then read again with {@code sui_getObject}. A missing field means no attributes.
 */
public final class BlobObjectReader {
    private static final String BLOB_TYPE = "::blob::Blob";
    private static final String SHARED_BLOB_TYPE = "::shared_blob::SharedBlob";

    private final SuiRpcClient rpc;

    public BlobObjectReader(SuiRpcClient rpc) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    /**
     * @throws io.walrusj.chain.rpc.SuiObjectUnavailableException if the object does not exist (or was deleted)
     * @throws WalrusDecodeException if it is neither a {@code Blob} nor a {@code SharedBlob}
     */
    public BlobWithAttributes read(SuiAddress objectId) {
        SuiObject o = rpc.getObject(objectId, ObjectDataOptions.bcs()).orElseThrow();
        String type = o.type().orElse("");
        Blob blob;
        if (type.endsWith(BLOB_TYPE)) {
            blob = Blob.fromBcs(o.requireBcsBytes());
        } else if (type.endsWith(SHARED_BLOB_TYPE)) {
            blob = MoveObjects.decodePrefix("SharedBlob", o.requireBcsBytes(), r -> {
                SuiAddress.read(r); // the SharedBlob's own UID
                return Blob.read(r);
            });
        } else {
            throw new WalrusDecodeException(WalrusDecodeException.Reason.WRONG_OBJECT_TYPE,
                    "object " + objectId + " has type " + type + ", expected a Blob or SharedBlob");
        }
        return new BlobWithAttributes(objectId, blob, attributes(blob.id()));
    }

    /** The attributes of the Blob with UID {@code blobObjectId}; empty if it has none. */
    public BlobAttributes attributes(SuiAddress blobObjectId) {
        SuiObjectResponse response = rpc.getDynamicFieldObject(blobObjectId, attributesFieldName());
        if (response.data().isEmpty()) {
            String code = response.error().map(ObjectResponseError::code).orElse("");
            if (ObjectResponseError.DYNAMIC_FIELD_NOT_FOUND.equals(code) || ObjectResponseError.NOT_EXISTS.equals(code)) {
                return BlobAttributes.empty();
            }
        }
        SuiObject field = response.orElseThrow();
        if (field.bcsBytes().isEmpty()) {
            field = rpc.getObject(field.objectId(), ObjectDataOptions.bcs()).orElseThrow();
        }
        return BlobAttributes.fromFieldBcs(field.requireBcsBytes());
    }

    /** {@code {"type":"vector<u8>","value":[109,101,116,97,100,97,116,97]}}. */
    static DynamicFieldName attributesFieldName() {
        ArrayNode bytes = Json.NODES.arrayNode();
        for (byte b : BlobAttributes.fieldNameBytes()) {
            bytes.add(b & 0xFF);
        }
        return new DynamicFieldName("vector<u8>", bytes);
    }
}
