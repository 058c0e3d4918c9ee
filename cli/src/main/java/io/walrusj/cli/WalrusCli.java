package io.walrusj.cli;

import io.walrusj.core.WalrusException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code walrus} command: blob IDs and RS2 encodings of local files, byte-compatible with the
 * Walrus CLI, and storing, reading and inspecting blobs through a walrusj gateway. Exit codes: 0
 * success, 1 I/O or data error (including no answer from the gateway), 2 usage error, 3 the gateway
 * answered with an error status.
 */
@Command(name = "walrus",
        mixinStandardHelpOptions = true,
        versionProvider = WalrusCli.Version.class,
        description = "Walrus blob IDs and RS2 (RedStuff) encodings of local files; store, read and inspect blobs "
                + "through a walrusj gateway.",
        subcommands = {BlobIdCommand.class, EncodeCommand.class, StoreCommand.class, ReadCommand.class,
            StatusCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 I/O or data error (or no answer from the gateway), 2 usage error, "
                + "3 the gateway answered with an error."})
public final class WalrusCli implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_GATEWAY = 3;

    @Spec
    CommandSpec spec;

    /** {@code walrus} without a subcommand: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand");
    }

    /** A fresh, fully configured command line (tests set their own out/err on it). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new WalrusCli());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        return commandLine;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Errors that escape a subcommand: a one-line message for expected failures, a stack trace otherwise. */
    static final class ErrorHandler implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            if (e instanceof GatewayException g) {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + g.getMessage());
                err.flush();
                return g.exitCode();
            }
            if (e instanceof WalrusException || e instanceof IOException || e instanceof UncheckedIOException) {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": " + Messages.describe(e));
            } else {
                err.println(commandLine.getCommandSpec().qualifiedName() + ": unexpected error: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_ERROR;
        }
    }

    /** {@code --version}: the project version (filtered into version.properties at build time). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "walrus-cli " + projectVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name", "?") + ")",
                "RS engine: " + engineName(),
            };
        }

        static String projectVersion() {
            try (InputStream in = WalrusCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    Properties properties = new Properties();
                    properties.load(in);
                    String version = properties.getProperty("version");
                    if (version != null && !version.isBlank() && !version.startsWith("@")) {
                        return version;
                    }
                }
            } catch (IOException ignored) {
                // fall through to the manifest
            }
            String fromManifest = WalrusCli.class.getPackage().getImplementationVersion();
            return fromManifest != null ? fromManifest : "unknown";
        }

        private static String engineName() {
            String name = io.walrusj.core.rs.ShardEngine.best().getClass().getSimpleName();
            return name.startsWith("Vector") ? "vector (jdk.incubator.vector)"
                    : "scalar (run with --add-modules jdk.incubator.vector for the fast path)";
        }
    }
}
