package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import io.walrusj.encoder.api.QueryParams;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The query of {@code PUT /v1/blobs} (Walrus {@code PublisherQuery}, spec 2.1), parsed as strictly
 * as serde does: unknown or repeated parameters, ill-typed values and {@code send_object_to}
 * together with {@code share} are plain-text 400s ({@link FrameworkRejection}).
 *
 * @param epochs         u32, default 1
 * @param deletable      deprecated no-op flag; only conflicts with {@code permanent}
 * @param permanent      store a permanent (non-deletable) blob
 * @param force          skip the already-certified check
 * @param reuseResources accepted, but the publisher always buys new storage (as if false)
 * @param encodingType   {@code RS2} or absent
 * @param sendObjectTo   transfer target of the Blob object
 * @param share          wrap the Blob into a SharedBlob (absent, true or false)
 */
public record PublisherQuery(long epochs, boolean deletable, boolean permanent, boolean force, boolean reuseResources,
        Optional<String> encodingType, Optional<SuiAddress> sendObjectTo, Optional<Boolean> share) {

    /** Every accepted parameter; {@code quilt_version} belongs to the shared Walrus struct and is ignored here. */
    static final Set<String> PARAMETERS = Set.of("epochs", "deletable", "permanent", "force", "reuse_resources",
            "encoding_type", "send_object_to", "share", "quilt_version");
    private static final long U32_MAX = 0xFFFF_FFFFL;

    public PublisherQuery {
        Objects.requireNonNull(encodingType, "encodingType");
        Objects.requireNonNull(sendObjectTo, "sendObjectTo");
        Objects.requireNonNull(share, "share");
    }

    /** Parses the raw query string of the request. */
    public static PublisherQuery parse(String rawQuery) {
        Map<String, String[]> p = QueryParams.parse(rawQuery);
        QueryParams.requireKnown(p, PARAMETERS);
        QueryParams.single(p, "quilt_version");
        String encoding = QueryParams.single(p, "encoding_type");
        if (encoding != null && !encoding.equals("RS2") && !encoding.equals("RedStuffRaptorQ")) {
            throw new FrameworkRejection("Failed to deserialize query string: encoding_type: unknown variant `"
                    + encoding + "`, expected `RedStuffRaptorQ` or `RS2`");
        }
        String send = QueryParams.single(p, "send_object_to");
        Optional<Boolean> share = p.containsKey("share") ? Optional.of(QueryParams.bool(p, "share", false))
                : Optional.empty();
        if (send != null && share.isPresent()) {
            throw new FrameworkRejection("Failed to deserialize query string: `send_object_to` and `share` are mutually exclusive");
        }
        return new PublisherQuery(QueryParams.unsigned(p, "epochs", 1, U32_MAX), QueryParams.bool(p, "deletable", false),
                QueryParams.bool(p, "permanent", false), QueryParams.bool(p, "force", false),
                QueryParams.bool(p, "reuse_resources", false), Optional.ofNullable(encoding),
                Optional.ofNullable(send).map(PublisherQuery::address), share);
    }

    /** The Blob's persistence: deletable unless {@code permanent}; both flags set is 400 INVALID_BLOB_PERSISTENCE. */
    public boolean deletableBlob() {
        if (permanent && deletable) {
            throw new DaemonException(ErrorStatus.INVALID_ARGUMENT, "INVALID_BLOB_PERSISTENCE",
                    "the blob cannot be both deletable and permanent");
        }
        return !permanent;
    }

    private static SuiAddress address(String text) {
        try {
            return SuiAddress.parseLenient(text);
        } catch (RuntimeException e) {
            throw new FrameworkRejection("Failed to deserialize query string: send_object_to: " + e.getMessage());
        }
    }
}
