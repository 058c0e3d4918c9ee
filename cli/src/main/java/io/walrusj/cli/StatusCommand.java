package io.walrusj.cli;

import io.walrusj.core.metadata.BlobId;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code walrus status BLOB_ID}: what the chain indexer behind the gateway knows about a blob
 * ({@code GET <prefix>/v1/blobs/{id}}, and with {@code --objects} also {@code .../objects}).
 */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show the on-chain status of a blob as the chain indexer behind the gateway sees it",
            "(GET <indexer-prefix>/v1/blobs/BLOB_ID; with --objects also its Blob objects)."
        })
public final class StatusCommand implements Callable<Integer> {
    /** Where the gateway maps the chain indexer's API. */
    public static final String DEFAULT_INDEXER_PREFIX = "/indexer";

    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions gatewayOptions;

    @Parameters(index = "0", paramLabel = "BLOB_ID", description = "The blob ID (43 URL-safe base64 characters).")
    String blobId;

    @Option(names = "--indexer-prefix", paramLabel = "PATH", defaultValue = DEFAULT_INDEXER_PREFIX,
            description = "Path under which the gateway serves the chain indexer's API (default: ${DEFAULT-VALUE}; "
                    + "'' when --gateway points at the indexer itself).")
    String indexerPrefix;

    @Option(names = "--objects", description = "Also list the blob's Blob objects.")
    boolean objects;

    @Option(names = "--json", description = "Print the indexer's JSON instead of the summary "
            + "(with --objects: {\"status\": ..., \"objects\": ...}).")
    boolean json;

    @Override
    public Integer call() throws GatewayException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            BlobId.parse(blobId);
        } catch (BlobId.InvalidBlobIdException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for BLOB_ID: " + e.getMessage());
        }
        String prefix = prefix();
        String statusBody;
        String objectsBody = null;
        try (GatewayClient client = gatewayOptions.client()) {
            String path = prefix + "/v1/blobs/" + blobId;
            statusBody = client.sendForText(request(client, path));
            if (objects) {
                objectsBody = client.sendForText(request(client, path + "/objects"));
            }
        }
        if (json) {
            out.println(objectsBody == null ? statusBody.strip()
                    : "{\"status\": " + statusBody.strip() + ", \"objects\": " + objectsBody.strip() + "}");
            out.flush();
            return WalrusCli.EXIT_OK;
        }
        Object status = parse(statusBody);
        for (String line : describe(status)) {
            out.println(line);
        }
        if (objectsBody != null) {
            for (String line : describeObjects(parse(objectsBody))) {
                out.println(line);
            }
        }
        out.flush();
        return WalrusCli.EXIT_OK;
    }

    private static HttpRequest request(GatewayClient client, String path) {
        return client.request(client.uri(path, List.of())).header("Accept", "application/json").GET().build();
    }

    private static Object parse(String body) throws GatewayException {
        try {
            return Json.parse(body.strip());
        } catch (Json.JsonException e) {
            throw GatewayException.failed("the gateway's answer is not JSON (" + e.getMessage() + "): "
                    + StoreCommand.abbreviate(body), e);
        }
    }

    private String prefix() {
        String prefix = indexerPrefix == null ? "" : indexerPrefix.strip();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            prefix = "/" + prefix;
        }
        if (prefix.contains("?") || prefix.contains("#") || prefix.contains(" ")) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--indexer-prefix': a URL path such as /indexer, got " + indexerPrefix);
        }
        return prefix;
    }

    /**
     * The indexer's {@code {"blobId", "epoch", "status", "objectCount", "updatedEventId"}} as lines;
     * {@code status} is Walrus's {@code BlobStatus} JSON.
     */
    static List<String> describe(Object answer) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Blob ID: " + Json.text(answer, "blobId"));
        Object status = Json.object(answer).get("status");
        if ("nonexistent".equals(status)) {
            lines.add("Status: nonexistent (no live Blob object: never stored, deleted or expired)");
        } else if (status instanceof Map<?, ?> variants && variants.size() == 1) {
            String kind = (String) variants.keySet().iterator().next();
            Map<String, Object> fields = Json.object(variants.get(kind));
            switch (kind) {
                case "invalid" -> {
                    lines.add("Status: invalid (marked invalid on chain)");
                    lines.add("Invalidated by event: " + event(Json.object(fields, "event")));
                }
                case "permanent" -> {
                    boolean certified = Boolean.TRUE.equals(fields.get("isCertified"));
                    lines.add("Status: permanent, " + (certified ? "certified" : "registered, not certified yet"));
                    lines.add("End epoch: " + Json.text(fields, "endEpoch") + " (exclusive)");
                    if (fields.get("initialCertifiedEpoch") != null) {
                        lines.add("Certified since epoch: " + Json.text(fields, "initialCertifiedEpoch"));
                    }
                    lines.add((certified ? "Certified" : "Registered") + " by event: " + event(Json.object(fields, "statusEvent")));
                    lines.add("Deletable objects: " + deletableCounts(fields));
                }
                case "deletable" -> {
                    lines.add("Status: deletable objects only");
                    if (fields.get("initialCertifiedEpoch") != null) {
                        lines.add("Certified since epoch: " + Json.text(fields, "initialCertifiedEpoch"));
                    } else {
                        lines.add("Certified: no");
                    }
                    lines.add("Deletable objects: " + deletableCounts(fields));
                }
                default -> lines.add("Status: " + kind);
            }
        } else {
            lines.add("Status: " + status);
        }
        if (Json.text(answer, "objectCount") != null) {
            lines.add("Blob objects: " + Json.text(answer, "objectCount"));
        }
        if (Json.text(answer, "epoch") != null) {
            lines.add("Current epoch: " + Json.text(answer, "epoch"));
        }
        return lines;
    }

    /** The indexer's {@code {"blobId", "objects": [BlobObject]}} as lines, one block per object. */
    static List<String> describeObjects(Object answer) {
        List<String> lines = new java.util.ArrayList<>();
        Object objects = Json.object(answer).get("objects");
        if (!(objects instanceof List<?> list) || list.isEmpty()) {
            lines.add("Objects: none");
            return lines;
        }
        lines.add("Objects:");
        for (Object object : list) {
            StringBuilder flags = new StringBuilder(Boolean.TRUE.equals(Json.object(object).get("deletable")) ? "deletable" : "permanent");
            for (String flag : List.of("deleted", "expired", "invalid")) {
                if (Boolean.TRUE.equals(Json.object(object).get(flag))) {
                    flags.append(", ").append(flag);
                }
            }
            String certified = Json.text(object, "certifiedEpoch");
            lines.add("  " + Json.text(object, "objectId") + "  " + flags
                    + "; registered in epoch " + Json.text(object, "registeredEpoch")
                    + (certified != null ? ", certified in epoch " + certified : ", not certified")
                    + ", end epoch " + Json.text(object, "endEpoch")
                    + ", " + Json.text(object, "size") + " bytes, owner " + Json.text(object, "owner"));
        }
        return lines;
    }

    private static String deletableCounts(Map<String, Object> fields) {
        Map<String, Object> counts = Json.object(fields, "deletableCounts");
        return Json.text(counts, "count_deletable_total") + " (" + Json.text(counts, "count_deletable_certified") + " certified)";
    }

    private static String event(Map<String, Object> event) {
        return event.isEmpty() ? "-" : Json.text(event, "txDigest") + ":" + Json.text(event, "eventSeq");
    }
}
