package io.walrusj.encoder.read;

import io.walrusj.core.encoding.BlobDecoder.ConsistencyCheck;
import io.walrusj.core.metadata.BlobId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The streaming read routes: {@code /v1alpha/blobs/{id}/stream} (3.4) and {@code /v1alpha/blobs/concat} (3.5). */
@RestController
public class StreamController {
    private final BlobReader reader;
    private final ReadMetrics metrics;
    private final AggregatorProperties props;
    private final Set<String> allowedHeaders;
    private final Concatenation concatenation;

    public StreamController(BlobReader reader, BlobObjectResolver objects, ReadMetrics metrics, AggregatorProperties props) {
        this.reader = reader;
        this.metrics = metrics;
        this.props = props;
        this.allowedHeaders = Set.copyOf(props.allowedHeaders());
        this.concatenation = new Concatenation(reader, objects, props.maxConcatSize().toBytes());
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
        concat(() -> ConcatRequest.fromQuery(request.getParameterMap(), props.maxConcatIds()), request, response);
    }

    @PostMapping("/v1alpha/blobs/concat")
    public void concatPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        concat(() -> ConcatRequest.fromJson(readBody(request, ConcatRequest.maxBodyBytes(props.maxConcatIds())),
                props.maxConcatIds()), request, response);
    }

    private interface RequestParser {
        ConcatRequest parse() throws IOException;
    }

    /** 3.5: see {@link Concatenation}; headers from the first blob's attributes if it was named by object ID. */
    private void concat(RequestParser parser, HttpServletRequest request, HttpServletResponse response) throws IOException {
        metrics.timed("concat", () -> {
            ConcatRequest concat = parser.parse();
            Concatenation.Plan plan = concatenation.plan(concat);
            long written = concatenation.write(plan, concat.check(), firstAttributes -> {
                ReadHeaders.apply(request, response, concat.etag());
                if (firstAttributes != null) {
                    ReadHeaders.applyAttributes(response, firstAttributes, allowedHeaders);
                }
                response.setStatus(200);
                return response.getOutputStream();
            });
            metrics.served(written);
            return "ok";
        });
    }

    /** The POST body, at most {@code max} bytes (more: 413, plain text as a body limit answers). */
    private static byte[] readBody(HttpServletRequest request, long max) throws IOException {
        if (request.getContentLengthLong() > max) {
            throw new ConcatBodyTooLargeException();
        }
        byte[] body = request.getInputStream().readNBytes((int) max + 1);
        if (body.length > max) {
            throw new ConcatBodyTooLargeException();
        }
        return body;
    }

    /** A concat body over its limit: 413 plain text, as axum's body limit answers. */
    static final class ConcatBodyTooLargeException extends RuntimeException {
        ConcatBodyTooLargeException() {
            super("Failed to buffer the request body: length limit exceeded");
        }
    }

    @ExceptionHandler(ConcatBodyTooLargeException.class)
    public ResponseEntity<String> bodyTooLarge(ConcatBodyTooLargeException e) {
        return ResponseEntity.status(413).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
