package io.walrusj.encoder.read;

import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.FrameworkRejection;
import io.walrusj.encoder.api.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The aggregator's blob routes (client-http-api 3.1-3.3). Checks happen in Walrus's order: path,
 * query (unknown parameters, flag types), the consistency flags, the Range header; then the blob is
 * read. Bodies are written directly to the response so that no converter chooses a Content-Type.
 */
@RestController
public class AggregatorController {
    private static final Set<String> BYTE_RANGE_PARAMETERS = Set.of("start", "length");

    private final BlobReader reader;
    private final BlobObjectResolver objects;
    private final ReadMetrics metrics;
    private final Set<String> allowedHeaders;

    public AggregatorController(BlobReader reader, BlobObjectResolver objects, ReadMetrics metrics, AggregatorProperties props) {
        this.reader = reader;
        this.objects = objects;
        this.metrics = metrics;
        this.allowedHeaders = Set.copyOf(props.allowedHeaders());
    }

    /** 3.1: the blob, or with {@code Range: bytes=a-b} the 206 part of it. */
    @GetMapping("/v1/blobs/{blobId}")
    public void blob(@PathVariable String blobId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.timed("blob", () -> serve(ReadRequests.blobId(blobId), request, response, null));
    }

    /** 3.2: resolve the Blob object on chain, then as 3.1 plus the allowed attribute headers (200 only, as Walrus). */
    @GetMapping("/v1/blobs/by-object-id/{objectId}")
    public void blobByObjectId(@PathVariable String objectId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        metrics.timed("by_object_id", () -> {
            var id = ReadRequests.objectId(objectId);
            ReadOptions.parse(request.getParameterMap()); // reject bad queries before touching the chain
            BlobWithAttributes blob = objects.resolve(id);
            return serve(blob.blob().blobId(), request, response, blob);
        });
    }

    /** 3.3: exactly {@code length} bytes from {@code start}, 200 (cacheable), ETag {@code <id>-<start>-<length>}. */
    @GetMapping("/v1/blobs/{blobId}/byte-range")
    public void byteRange(@PathVariable String blobId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        metrics.timed("byte_range", () -> {
            BlobId id = ReadRequests.blobId(blobId);
            var params = request.getParameterMap();
            QueryParams.requireKnown(params, BYTE_RANGE_PARAMETERS);
            ByteRange range = ByteRange.fromQuery(requiredU64(params, "start"), requiredU64(params, "length"));
            BlobReader.RangeRead read = reader.readRange(id, range);
            ReadHeaders.apply(request, response, id + "-" + Long.toUnsignedString(range.start()) + "-"
                    + Long.toUnsignedString(range.length()));
            BlobResponses.write(response, 200, read.body(), metrics);
            return "ok";
        });
    }

    /** Reads and writes the blob (or the requested range of it); returns the outcome for the metrics. */
    private String serve(BlobId id, HttpServletRequest request, HttpServletResponse response, BlobWithAttributes object)
            throws IOException {
        ConsistencyCheck check = ReadOptions.parse(request.getParameterMap());
        String rangeHeader = request.getHeader("Range");
        if (rangeHeader != null) {
            ByteRange range = ByteRange.parseHeader(rangeHeader);
            BlobReader.RangeRead read = reader.readRange(id, range);
            ReadHeaders.apply(request, response, id.toString());
            response.setHeader("Content-Range", range.contentRange(read.blobSize()));
            BlobResponses.write(response, 206, read.body(), metrics);
            return "partial";
        }
        BlobBody body = reader.readAll(id, check);
        ReadHeaders.apply(request, response, id.toString());
        if (object != null) {
            ReadHeaders.applyAttributes(response, object.attributes(), allowedHeaders);
        }
        BlobResponses.write(response, 200, body, metrics);
        return "ok";
    }

    /** A required u64 query parameter: missing or malformed is a plain-text 400. */
    private static long requiredU64(Map<String, String[]> params, String name) {
        if (QueryParams.single(params, name) == null) {
            throw new FrameworkRejection("Failed to deserialize query string: missing field `" + name + "`");
        }
        // u64: values >= 2^63 come back negative and are rejected as overflow by ByteRange.fromQuery.
        return QueryParams.unsigned(params, name, 0, -1L);
    }
}
