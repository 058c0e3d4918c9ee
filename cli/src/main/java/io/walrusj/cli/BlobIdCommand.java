package io.walrusj.cli;

import io.walrusj.core.WalrusException;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.metadata.BlobId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code walrus blob-id}: the blob ID of each file, as the Walrus CLI's {@code blob-id} computes it,
 * one {@code <blob-id>  <file>} line per file (like sha256sum).
 */
@Command(name = "blob-id",
        mixinStandardHelpOptions = true,
        description = {
            "Print the Walrus blob ID of each FILE, one '<blob-id>  <file>' line per file.",
            "Files that cannot be read are reported on stderr; the others are still printed (exit code 1)."
        })
public final class BlobIdCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EncodingOptions encoding;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to compute the blob ID of.")
    List<String> files;

    @Override
    public Integer call() {
        BlobEncoder encoder = encoding.encoder();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status = WalrusCli.EXIT_OK;
        for (String name : files) {
            try {
                BlobId blobId = InputFiles.encode(encoder, Path.of(name)).blobId();
                out.println(blobId + "  " + name);
                out.flush();
            } catch (IOException | UncheckedIOException | InvalidPathException | WalrusException | OutOfMemoryError e) {
                err.println(spec.qualifiedName() + ": " + name + ": " + Messages.describe(e, name));
                err.flush();
                status = WalrusCli.EXIT_ERROR;
            }
        }
        return status;
    }
}
