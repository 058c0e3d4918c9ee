package io.walrusj.encoder.read;

import io.walrusj.chain.ChainException;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.chain.model.WalrusDecodeException;
import io.walrusj.chain.rpc.ObjectResponseError;
import io.walrusj.chain.rpc.SuiObjectUnavailableException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.committee.ChainView;
import org.springframework.stereotype.Component;

/**
 * Blob object ID -> blob ID and attributes (3.2). An object that does not exist (or was deleted) is
 * 404 BLOB_NOT_FOUND, as Walrus maps Sui's "response does not contain object data"; so is an object
 * that is not a Blob or SharedBlob (Walrus fails to deserialize it: a 500 there, a clearer 404 here),
 * and one without Move contents (a package). Read through the {@link ChainView}'s reader (gRPC
 * {@code GetObject} of the object and of its {@code metadata} field by derived id, or the legacy
 * JSON-RPC). Chain failures are 503, as everywhere in this service.
 */
@Component
public class BlobObjectResolver {
    private final ChainView chain;

    public BlobObjectResolver(ChainView chain) {
        this.chain = chain;
    }

    BlobWithAttributes resolve(SuiAddress objectId) {
        try {
            return chain.reader().blobWithAttributes(objectId);
        } catch (SuiObjectUnavailableException e) {
            // no error: missing over gRPC (NOT_FOUND), or an object without Move contents
            String code = e.error() == null ? ObjectResponseError.NOT_EXISTS : e.error().code();
            if (ObjectResponseError.NOT_EXISTS.equals(code) || ObjectResponseError.DELETED.equals(code)) {
                throw ReadErrors.blobNotFound("object " + objectId + " does not exist");
            }
            throw DaemonException.chainUnavailable(e);
        } catch (WalrusDecodeException e) {
            if (e.reason() == WalrusDecodeException.Reason.WRONG_OBJECT_TYPE) {
                throw ReadErrors.blobNotFound("object " + objectId + " is not a Blob or SharedBlob");
            }
            throw e;
        } catch (ChainException e) {
            throw DaemonException.chainUnavailable(e);
        }
    }
}
