package io.walrusj.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code walrus store FILE}: {@code PUT /v1/blobs} of the file's bytes (streamed from disk) on the
 * gateway, which encodes, registers, uploads and certifies the blob; prints the blob ID and the
 * Blob object ID, or that the blob was already certified.
 */
@Command(name = "store",
        mixinStandardHelpOptions = true,
        description = {
            "Store FILE through the gateway (PUT /v1/blobs) and print its blob ID and Blob object ID.",
            "If the blob is already certified long enough, nothing new is created (unless --force)."
        })
public final class StoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions gatewayOptions;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to store.")
    String file;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs ahead of the current one to store the blob for (default: the publisher's, 1).")
    Integer epochs;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Persistence persistence;

    static final class Persistence {
        @Option(names = "--permanent", description = "Store a permanent blob (cannot be deleted before it expires).")
        boolean permanent;

        @Option(names = "--deletable", description = "Store a deletable blob (the publisher's default).")
        boolean deletable;
    }

    @Option(names = "--force", description = "Create a new Blob object even if the blob is already certified.")
    boolean force;

    @Option(names = "--json", description = "Print the gateway's JSON answer instead of the summary.")
    boolean json;

    @Override
    public Integer call() throws GatewayException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (epochs != null && epochs < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--epochs': must be at least 1, got " + epochs);
        }
        Path path;
        try {
            path = Path.of(file);
            if (!Files.exists(path)) {
                throw new NoSuchFileException(file);
            }
            if (!Files.isRegularFile(path)) {
                throw new FileSystemException(file, null, Files.isDirectory(path) ? "Is a directory" : "Not a regular file");
            }
            if (!Files.isReadable(path)) {
                throw new java.nio.file.AccessDeniedException(file);
            }
        } catch (InvalidPathException | FileSystemException e) {
            err.println(spec.qualifiedName() + ": " + file + ": " + Messages.describe(e, file));
            err.flush();
            return WalrusCli.EXIT_ERROR;
        }

        List<Map.Entry<String, String>> query = new ArrayList<>();
        if (epochs != null) {
            query.add(Map.entry("epochs", epochs.toString()));
        }
        if (persistence != null && persistence.permanent) {
            query.add(Map.entry("permanent", "true"));
        }
        if (persistence != null && persistence.deletable) {
            query.add(Map.entry("deletable", "true"));
        }
        if (force) {
            query.add(Map.entry("force", "true"));
        }

        String body;
        try (GatewayClient client = gatewayOptions.client()) {
            URI uri = client.uri("/v1/blobs", query);
            HttpRequest request;
            try {
                request = client.request(uri)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(HttpRequest.BodyPublishers.ofFile(path))
                        .build();
            } catch (FileNotFoundException e) {
                err.println(spec.qualifiedName() + ": " + file + ": No such file or directory");
                err.flush();
                return WalrusCli.EXIT_ERROR;
            }
            body = client.sendForText(request);
        }

        if (json) {
            out.println(body.strip());
            out.flush();
            return WalrusCli.EXIT_OK;
        }
        Object result;
        try {
            result = Json.parse(body.strip());
        } catch (Json.JsonException e) {
            throw GatewayException.failed("the gateway's answer is not JSON (" + e.getMessage() + "): "
                    + abbreviate(body), e);
        }
        return summarize(result, body, out, err);
    }

    /** Prints the {@code BlobStoreResult}; the failure variants give exit code 1. */
    private int summarize(Object result, String body, PrintWriter out, PrintWriter err) {
        Map<String, Object> created = Json.object(result, "newlyCreated");
        Map<String, Object> already = Json.object(result, "alreadyCertified");
        Map<String, Object> invalid = Json.object(result, "markedInvalid");
        Map<String, Object> error = Json.object(result, "error");
        if (!created.isEmpty()) {
            Map<String, Object> blob = Json.object(created, "blobObject");
            Map<String, Object> storage = Json.object(blob, "storage");
            boolean deletable = Boolean.TRUE.equals(blob.get("deletable"));
            out.println("Blob ID: " + Json.text(blob, "blobId"));
            out.println("Object ID: " + Json.text(blob, "id"));
            out.println("Status: newly created, " + (deletable ? "deletable" : "permanent")
                    + (blob.get("certifiedEpoch") != null ? ", certified in epoch " + Json.text(blob, "certifiedEpoch") : ""));
            out.println("Size: " + Json.text(blob, "size") + " bytes (encoded " + Json.text(storage, "storageSize") + " bytes)");
            out.println("Epochs: " + Json.text(storage, "startEpoch") + " to " + Json.text(storage, "endEpoch") + " (end exclusive)");
            if (Json.text(created, "cost") != null) {
                out.println("Cost: " + Json.text(created, "cost") + " FROST");
            }
            if (Json.text(created, "sharedBlobObject") != null) {
                out.println("Shared blob object: " + Json.text(created, "sharedBlobObject"));
            }
        } else if (!already.isEmpty()) {
            out.println("Blob ID: " + Json.text(already, "blobId"));
            if (Json.text(already, "object") != null) {
                out.println("Object ID: " + Json.text(already, "object"));
            }
            out.println("Status: already certified until epoch " + Json.text(already, "endEpoch") + " (end exclusive)");
            Map<String, Object> event = Json.object(already, "event");
            if (!event.isEmpty()) {
                out.println("Certified by event: " + Json.text(event, "txDigest") + ":" + Json.text(event, "eventSeq"));
            }
        } else if (!invalid.isEmpty()) {
            out.flush();
            err.println(spec.qualifiedName() + ": blob " + Json.text(invalid, "blobId") + " is marked invalid on chain");
            err.flush();
            return WalrusCli.EXIT_ERROR;
        } else if (!error.isEmpty()) {
            out.flush();
            err.println(spec.qualifiedName() + ": the store failed"
                    + (Json.text(error, "failurePhase") != null ? " in phase " + Json.text(error, "failurePhase") : "")
                    + ": " + Json.text(error, "errorMsg"));
            err.flush();
            return WalrusCli.EXIT_ERROR;
        } else {
            out.println(body.strip());
        }
        out.flush();
        return WalrusCli.EXIT_OK;
    }

    static String abbreviate(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
