package io.walrusj.encoder.read;

import io.walrusj.chain.model.BlobAttributes;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.DaemonException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1alpha/blobs/concat} (3.5) behind the controller. {@link #plan}: every ID resolved (object
 * IDs on chain), then the status and metadata of each distinct blob, adding up the sizes: the total
 * over {@code max-concat-size} is 413 before any sliver is read, and every error so far has a status.
 * {@link #write}: the first blob read before the headers go out (so its errors get a status too), the
 * others read and written one after the other; a later failure aborts the connection.
 */
final class Concatenation {
    /** Resolved blobs in request order (a repeated ID appears again) and the first one's attributes, if named by object ID. */
    record Plan(List<ResolvedBlob> blobs, BlobAttributes firstAttributes, long totalSize) {}

    interface ResponseStart {
        /** Sets the status and headers and returns the body stream. */
        OutputStream start(BlobAttributes firstAttributes) throws IOException;
    }

    private final BlobReader reader;
    private final BlobObjectResolver objects;
    private final long maxTotalSize;

    Concatenation(BlobReader reader, BlobObjectResolver objects, long maxTotalSize) {
        this.reader = reader;
        this.objects = objects;
        this.maxTotalSize = maxTotalSize;
    }

    Plan plan(ConcatRequest request) {
        List<BlobId> blobIds = new ArrayList<>();
        BlobAttributes firstAttributes = null;
        for (String id : request.ids()) {
            BlobWithAttributes object = resolveId(id);
            blobIds.add(object == null ? BlobId.parse(id) : object.blob().blobId());
            if (blobIds.size() == 1 && object != null) {
                firstAttributes = object.attributes();
            }
        }
        Map<BlobId, ResolvedBlob> distinct = new HashMap<>();
        List<ResolvedBlob> blobs = new ArrayList<>();
        long total = 0;
        for (BlobId id : blobIds) {
            ResolvedBlob blob = distinct.get(id);
            if (blob == null) {
                blob = resolve(id);
                distinct.put(id, blob);
            }
            // sizes are u64: anything past Long.MAX_VALUE is over any cap
            total = blob.size() < 0 || total + blob.size() < 0 ? Long.MAX_VALUE : total + blob.size();
            if (total > maxTotalSize) {
                throw ReadErrors.concatTooLarge(maxTotalSize);
            }
            blobs.add(blob);
        }
        return new Plan(blobs, firstAttributes, total);
    }

    /** Reads and writes the planned blobs; returns the bytes written. */
    long write(Plan plan, ConsistencyCheck check, ResponseStart response) throws IOException {
        OutputStream out = null;
        long written = 0;
        for (ResolvedBlob blob : plan.blobs()) {
            BlobBody body = read(blob, check, out != null);
            if (out == null) {
                out = response.start(plan.firstAttributes());
            }
            body.writeTo(out);
            out.flush();
            written += body.length();
        }
        return written;
    }

    /** A blob ID yields null (nothing to resolve); an object ID its Blob; anything else is INVALID_ID_FORMAT. */
    private BlobWithAttributes resolveId(String id) {
        try {
            BlobId.parse(id);
            return null;
        } catch (BlobId.InvalidBlobIdException e) {
            // not a blob ID: try an object ID
        }
        SuiAddress objectId;
        try {
            objectId = SuiAddress.parseLenient(id);
        } catch (CryptoException e) {
            throw ReadErrors.invalidIdFormat(id);
        }
        try {
            return objects.resolve(objectId);
        } catch (DaemonException e) {
            throw ReadErrors.objectIdResolutionFailed(id, e.getMessage());
        }
    }

    private ResolvedBlob resolve(BlobId id) {
        try {
            ResolvedBlob blob = reader.resolve(id);
            reader.requireAllowedSize(blob.size());
            return blob;
        } catch (DaemonException e) {
            throw statusOf(id, e);
        }
    }

    private BlobBody read(ResolvedBlob blob, ConsistencyCheck check, boolean streaming) throws IOException {
        try {
            return reader.read(blob, check);
        } catch (DaemonException e) {
            if (streaming) {
                throw new IOException("aborting the concatenation at blob " + blob.blobId() + ": " + e.getMessage(), e);
            }
            throw statusOf(blob.blobId(), e);
        }
    }

    private static DaemonException statusOf(BlobId id, DaemonException e) {
        return switch (e.reason()) {
            case "BLOB_NOT_FOUND" -> ReadErrors.blobNotFound("blob not found: " + id);
            case "BLOB_TOO_LARGE" -> e;
            default -> ReadErrors.blobReadFailed(id.toString(), e.getMessage());
        };
    }
}
