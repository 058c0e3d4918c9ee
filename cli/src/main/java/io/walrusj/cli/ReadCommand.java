package io.walrusj.cli;

import io.walrusj.core.metadata.BlobId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code walrus read BLOB_ID}: {@code GET /v1/blobs/{id}} on the gateway, streamed to a file or to
 * stdout. A file is written under a temporary name in its directory and renamed into place only
 * when the whole blob arrived, so a failed read leaves no partial file.
 */
@Command(name = "read",
        mixinStandardHelpOptions = true,
        description = "Read a blob through the gateway (GET /v1/blobs/BLOB_ID) into FILE or to stdout.")
public final class ReadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GatewayOptions gatewayOptions;

    @Parameters(index = "0", paramLabel = "BLOB_ID", description = "The blob ID (43 URL-safe base64 characters).")
    String blobId;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the blob to FILE (replaced if it exists) instead of stdout ('-').")
    String out;

    /** Where the blob goes without {@code --out}; tests replace it. */
    OutputStream stdout = System.out;

    @Override
    public Integer call() throws GatewayException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            BlobId.parse(blobId);
        } catch (BlobId.InvalidBlobIdException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for BLOB_ID: " + e.getMessage());
        }
        Path target = null;
        if (out != null && !out.equals("-")) {
            try {
                target = Path.of(out);
            } catch (InvalidPathException e) {
                return fail(err, out + ": " + e.getReason());
            }
            if (Files.isDirectory(target)) {
                return fail(err, out + ": Is a directory");
            }
        }

        try (GatewayClient client = gatewayOptions.client()) {
            HttpRequest request = client.request(client.uri("/v1/blobs/" + blobId, List.of())).GET().build();
            HttpResponse<InputStream> response = client.send(request);
            OptionalLong expected = response.headers().firstValueAsLong("Content-Length");
            try (InputStream body = response.body()) {
                if (target == null) {
                    long copied = copy(body, stdout, "stdout");
                    try {
                        stdout.flush();
                    } catch (IOException e) {
                        throw new LocalException("stdout: " + Messages.describe(e), e);
                    }
                    checkLength(copied, expected);
                } else {
                    writeFile(body, target, expected);
                }
            } catch (LocalException e) {
                return fail(err, e.getMessage());
            } catch (IOException e) {
                throw GatewayException.failed("reading blob " + blobId + " from " + client.base() + " failed: "
                        + GatewayClient.reason(e, e.getClass().getSimpleName()), e);
            }
        }
        return WalrusCli.EXIT_OK;
    }

    /** Streams the body into a temporary file next to {@code target}, renamed into place at the end. */
    private void writeFile(InputStream body, Path target, OptionalLong expected) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new LocalException(out + ": " + Messages.describe(e), e);
        }
        try {
            long copied;
            OutputStream file;
            try {
                file = Files.newOutputStream(temp);
            } catch (IOException e) {
                throw new LocalException(out + ": " + Messages.describe(e), e);
            }
            try (file) {
                copied = copy(body, file, out);
            }
            checkLength(copied, expected);
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new LocalException(out + ": " + Messages.describe(e), e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Copies {@code in} (the network) to {@code out}; errors of {@code out} become {@link LocalException}s,
     * errors of {@code in} stay plain {@link IOException}s.
     */
    private static long copy(InputStream in, OutputStream out, String destination) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw new LocalException(destination + ": " + Messages.describe(e), e);
            }
            total += n;
        }
        return total;
    }

    private void checkLength(long copied, OptionalLong expected) throws LocalException {
        if (expected.isPresent() && copied != expected.getAsLong()) {
            throw new LocalException("blob " + blobId + ": the gateway announced " + expected.getAsLong()
                    + " bytes but sent " + copied);
        }
    }

    private int fail(PrintWriter err, String message) {
        err.println(spec.qualifiedName() + ": " + message);
        err.flush();
        return WalrusCli.EXIT_ERROR;
    }

    /** A failure on this side (the output file or stdout), or a body shorter than announced: exit 1. */
    private static final class LocalException extends IOException {
        LocalException(String message) {
            super(message);
        }

        LocalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
