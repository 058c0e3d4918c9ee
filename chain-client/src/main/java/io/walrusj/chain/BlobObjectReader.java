package io.walrusj.chain;

import io.walrusj.chain.model.Blob;
import io.walrusj.chain.model.BlobAttributes;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.MoveObjects;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Objects;

/**
 * Reads a {@code Blob} or {@code SharedBlob} object by ID together with the blob's attributes, as
 * an aggregator's {@code GET /v1/blobs/by-object-id/{id}} needs it.
 *
 * <p>A {@code SharedBlob} is {@code {id: UID, blob: Blob, funds: Balance<WAL>}}; its attributes are
 * those of the wrapped blob. The attributes are the dynamic field {@code b"metadata"} (name type
 * {@code vector<u8>}) of the blob's UID, read through an {@link ObjectSource} (gRPC: the derived
 * field id; JSON-RPC: {@code suix_getDynamicFieldObject} + {@code sui_getObject}). A missing field
 * means no attributes. Used by {@link WalrusChainReader#blobWithAttributes}.
 */
public final class BlobObjectReader {
    private static final String BLOB_TYPE = "::blob::Blob";
    private static final String SHARED_BLOB_TYPE = "::shared_blob::SharedBlob";

    private final ObjectSource source;

    public BlobObjectReader(ObjectSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** Legacy JSON-RPC. */
    public BlobObjectReader(SuiRpcClient rpc) {
        this(new JsonRpcObjectSource(rpc));
    }

    /**
     * @throws io.walrusj.chain.rpc.SuiObjectUnavailableException if the object does not exist (or was deleted)
     * @throws WalrusDecodeException if it is neither a {@code Blob} nor a {@code SharedBlob}
     */
    public BlobWithAttributes read(SuiAddress objectId) {
        ObjectSource.MoveObject o = source.object(objectId).orElseThrow(() -> new SuiObjectUnavailableException(null,
                "object " + objectId + " does not exist", null));
        String type = o.type().orElse("");
        Blob blob;
        if (type.endsWith(BLOB_TYPE)) {
            blob = Blob.fromBcs(o.contents());
        } else if (type.endsWith(SHARED_BLOB_TYPE)) {
            blob = MoveObjects.decodePrefix("SharedBlob", o.contents(), r -> {
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
        return source.dynamicField(blobObjectId, ObjectSource.FieldName.bytes(BlobAttributes.fieldNameBytes()))
                .map(field -> BlobAttributes.fromFieldBcs(field.contents()))
                .orElseGet(BlobAttributes::empty);
    }
}
