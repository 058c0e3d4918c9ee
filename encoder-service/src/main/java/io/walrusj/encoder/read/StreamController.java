package io.walrusj.encoder.read;

import io.walrusj.chain.model.BlobAttributes;
import io.walrusj.chain.model.BlobWithAttributes;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.DaemonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The streaming read routes: {@code /v1alpha/blobs/{id}/stream} (3.4) and {@code /v1alpha/blobs/concat} (3.5). */
@RestController
public class StreamController {
    private final BlobReader reader;
    private final BlobObjectResolver objects;
    private final ReadMetrics metrics;
    private final AggregatorProperties props;
    private final Set<String> allowedHeaders;

    public StreamController(BlobReader reader, BlobObjectResolver objects, ReadMetrics metrics, AggregatorProperties props) {
        this.reader = reader;
        this.objects = objects;
        this.metrics = metrics;
        this.props = props;
        this.allowedHeaders = Set.copyOf(props.allowedHeaders());
    }

    /** 3.4: headers as 3.1 plus {@code Content-Length: <size>} and {@code x-walrus-streaming: true}; rows written as they arrive. */
    @GetMapping("/v1alpha/blobs/{blobId}/stream")
    public void stream(@PathVariable String blobId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.timed("stream", () -> {
            BlobId id = ReadRequests.blobId(blobId);
            ConsistencyCheck check = ReadOptions.parse(request.getParameterMap());
            ResolvedBlob blob = reader.resolve(id);
            reader.requireAllowedSize(blob.size());
            SliverCollector collector = reader.collector(blob.config());
            SystematicStreamer streamer = new SystematicStreamer(collector,
                    new BlobAssembler(collector, props.decodeParallelism()), props.streamWindow(), props.hedgeDelay());
            long written = streamer.stream(blob, check, () -> {
                ReadHeaders.apply(request, response, id.toString());
                response.setHeader("x-walrus-streaming", "true");
                response.setStatus(200);
                response.setContentLengthLong(blob.size());
                return response.getOutputStream();
            });
            metrics.served(written);
            return "ok";
        });
    }

    @GetMapping("/v1alpha/blobs/concat")
    public void concatGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        concat(() -> ConcatRequest.fromQuery(request.getParameterMap()), request, response);
    }

    @PostMapping("/v1alpha/blobs/concat")
    public void concatPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        concat(() -> ConcatRequest.fromJson(request.getInputStream().readAllBytes()), request, response);
    }

    private interface RequestParser {
        ConcatRequest parse() throws IOException;
    }

    /**
     * 3.5: IDs resolved up front (fail fast), the first blob read before the 200 goes out (so its
     * errors get a status), the others read and written one after the other; a later failure aborts
     * the connection. Headers from the first blob's attributes if it was named by object ID.
     */
    private void concat(RequestParser parser, HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.timed("concat", () -> {
            ConcatRequest concat = parser.parse();
            List<BlobId> blobIds = new ArrayList<>();
            BlobAttributes firstAttributes = null;
            for (String id : concat.ids()) {
                BlobWithAttributes object = resolveId(id);
                blobIds.add(object == null ? BlobId.parse(id) : object.blob().blobId());
                if (blobIds.size() == 1 && object != null) {
                    firstAttributes = object.attributes();
                }
            }
            OutputStream out = null;
            long written = 0;
            for (BlobId id : blobIds) {
                BlobBody body = readForConcat(id, concat.check(), out != null);
                if (out == null) {
                    ReadHeaders.apply(request, response, concat.etag());
                    if (firstAttributes != null) {
                        ReadHeaders.applyAttributes(response, firstAttributes, allowedHeaders);
                    }
                    response.setStatus(200);
                    out = response.getOutputStream();
                }
                body.writeTo(out);
                out.flush();
                written += body.length();
            }
            metrics.served(written);
            return "ok";
        });
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

    private BlobBody readForConcat(BlobId id, ConsistencyCheck check, boolean streaming) throws IOException {
        try {
            return reader.readAll(id, check);
        } catch (DaemonException e) {
            if (streaming) {
                throw new IOException("aborting the concatenation at blob " + id + ": " + e.getMessage(), e);
            }
            throw switch (e.reason()) {
                case "BLOB_NOT_FOUND" -> ReadErrors.blobNotFound("blob not found: " + id);
                case "BLOB_TOO_LARGE" -> e;
                default -> ReadErrors.blobReadFailed(id.toString(), e.getMessage());
            };
        }
    }
}
