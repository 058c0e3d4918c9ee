package io.walrusj.encoder.publish;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.BlobCertified;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.auth.PublisherAuthenticator;
import io.walrusj.encoder.auth.UploadFacts;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /v1/blobs} (client-http-api 2.1), checks in the daemon's order: query (plain-text 400),
 * JWT (auth middleware), body with its limit (413), the token's size claims against the real
 * length, then the handler's JSON 400s, then the store. The body is read from the servlet stream
 * here, never buffered by Spring.
 */
@RestController
public class PublisherController {
    private final BlobPublisher publisher;
    private final PublisherAuthenticator authenticator;
    private final BodyReader bodyReader;
    private final PublisherWallet wallet;
    private final PublisherProperties props;
    private final ApplicationEventPublisher events;

    public PublisherController(BlobPublisher publisher, PublisherAuthenticator authenticator, BodyReader bodyReader,
            PublisherWallet wallet, PublisherProperties props, ApplicationEventPublisher events) {
        this.publisher = publisher;
        this.authenticator = authenticator;
        this.bodyReader = bodyReader;
        this.wallet = wallet;
        this.props = props;
        this.events = events;
    }

    @PutMapping("/v1/blobs")
    public ResponseEntity<BlobStoreResult> putBlob(HttpServletRequest request) throws IOException {
        PublisherQuery query = PublisherQuery.parse(request.getQueryString());
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        long declared = request.getContentLengthLong();
        authenticator.authenticate(authorization, new UploadFacts(query.epochs(), query.sendObjectTo(),
                declared >= 0 ? OptionalLong.of(declared) : OptionalLong.empty()));
        try (BlobBody body = readBody(request, declared)) {
            authenticator.checkBodySize(authorization, body.length());
            StoreRequest store = StoreRequest.of(query, props.maxEpochsAhead(), wallet.address());
            BlobStoreResult result = publisher.store(body, store);
            if (result instanceof BlobStoreResult.NewlyCreatedResult created) {
                events.publishEvent(new BlobCertified(BlobId.parse(created.newlyCreated().blobObject().blobId())));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
        }
    }

    /** The body; one too slow is answered 408 on a connection that then closes (its rest is not read). */
    private BlobBody readBody(HttpServletRequest request, long declared) throws IOException {
        try {
            return bodyReader.read(request.getInputStream(), declared);
        } catch (DaemonException e) {
            if (BodyPace.isTooSlow(e)) {
                UnreadBodies.closeAfterResponse(request);
            }
            throw e;
        }
    }

    /** 413 with a plain-text body, as axum's body limit answers. */
    @ExceptionHandler(PayloadTooLargeException.class)
    public ResponseEntity<String> tooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(413).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
