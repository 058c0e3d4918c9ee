package io.walrusj.cli;

import io.walrusj.core.WalrusException;
import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import io.walrusj.core.sliver.SliverPair;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code walrus encode}: RS2-encodes a file and writes its metadata and sliver pairs as BCS files.
 *
 * <p>Output directory layout:
 * <ul>
 *   <li>{@code metadata.bcs}: BCS of {@code BlobMetadataWithId};
 *   <li>{@code pair-<k>.primary.bcs}, {@code pair-<k>.secondary.bcs} for k in 0..n-1: BCS of the
 *       {@code SliverData} of pair k's primary sliver (index k) and secondary sliver (index n-1-k);
 *   <li>{@code blob.json}: blob ID, unencoded length, shard count, symbol size and file name, written last.
 * </ul>
 * Every file is written to a temporary file in the directory and renamed into place. Pair files of
 * an earlier encoding with more shards ({@code k >= n}) are removed so the directory stays consistent.
 */
@Command(name = "encode",
        mixinStandardHelpOptions = true,
        description = "RS2-encode FILE and write metadata.bcs, pair-<k>.primary.bcs and pair-<k>.secondary.bcs "
                + "(k = 0..n-1) and blob.json into DIR.")
public final class EncodeCommand implements Callable<Integer> {
    static final String METADATA_FILE = "metadata.bcs";
    static final String BLOB_JSON_FILE = "blob.json";
    private static final Pattern PAIR_FILE = Pattern.compile("pair-(\\d+)\\.(primary|secondary)\\.bcs");

    @Spec
    CommandSpec spec;

    @Mixin
    EncodingOptions encoding;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to encode.")
    String file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output directory (created if missing; existing files of the same names are replaced).")
    String out;

    @Override
    public Integer call() {
        BlobEncoder encoder = encoding.encoder();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path input;
        Path directory;
        try {
            input = Path.of(file);
            directory = Path.of(out);
        } catch (InvalidPathException e) {
            return fail(err, e.getInput(), e);
        }

        EncodedBlob blob;
        try {
            blob = InputFiles.encode(encoder, input);
        } catch (IOException | UncheckedIOException | WalrusException | OutOfMemoryError e) {
            return fail(err, file, e);
        }

        try {
            write(blob, input, directory);
        } catch (IOException | UncheckedIOException e) {
            return fail(err, out, e);
        }
        stdout.println("Blob ID: " + blob.blobId());
        stdout.println("Output directory: " + directory);
        stdout.flush();
        return WalrusCli.EXIT_OK;
    }

    private int fail(PrintWriter err, String subject, Throwable e) {
        err.println(spec.qualifiedName() + ": " + subject + ": " + Messages.describe(e, subject));
        err.flush();
        return WalrusCli.EXIT_ERROR;
    }

    static void write(EncodedBlob blob, Path input, Path directory) throws IOException {
        Files.createDirectories(directory);
        int n = blob.nShards();
        for (int k = 0; k < n; k++) {
            SliverPair pair = blob.pair(k);
            writeAtomically(directory, pairFileName(k, "primary"), pair.primary().toBcs());
            writeAtomically(directory, pairFileName(k, "secondary"), pair.secondary().toBcs());
        }
        removeStalePairFiles(directory, n);
        writeAtomically(directory, METADATA_FILE, blob.metadata().toBcs());
        writeAtomically(directory, BLOB_JSON_FILE, blobJson(blob, input).getBytes(StandardCharsets.UTF_8));
    }

    static String pairFileName(int pairIndex, String type) {
        return "pair-" + pairIndex + "." + type + ".bcs";
    }

    static String blobJson(EncodedBlob blob, Path input) {
        Path fileName = input.getFileName();
        return "{\n"
                + "  \"blobId\": \"" + blob.blobId() + "\",\n"
                + "  \"unencodedLength\": " + blob.metadata().metadata().unencodedLength() + ",\n"
                + "  \"nShards\": " + blob.nShards() + ",\n"
                + "  \"symbolSize\": " + blob.primarySlivers().getFirst().symbolSize() + ",\n"
                + "  \"encodingType\": \"" + blob.metadata().metadata().encodingType().name() + "\",\n"
                + "  \"file\": \"" + jsonEscape(fileName == null ? input.toString() : fileName.toString()) + "\"\n"
                + "}\n";
    }

    static String jsonEscape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Writes to a temporary file in {@code directory}, then renames it to {@code name}. */
    static void writeAtomically(Path directory, String name, byte[] content) throws IOException {
        Path target = directory.resolve(name);
        Path temp = Files.createTempFile(directory, "." + name + ".", ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void removeStalePairFiles(Path directory, int nShards) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "pair-*.bcs")) {
            for (Path entry : entries) {
                Matcher m = PAIR_FILE.matcher(entry.getFileName().toString());
                if (m.matches() && (m.group(1).length() > 6 || Integer.parseInt(m.group(1)) >= nShards)) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }
}
