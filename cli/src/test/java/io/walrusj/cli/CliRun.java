package io.walrusj.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process run of the {@code walrus} command with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(String... args) {
        return runWithStdout(null, args);
    }

    /** As {@link #run}, with the raw bytes that {@code read} writes to stdout going to {@code stdout}. */
    static CliRun runWithStdout(OutputStream stdout, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = WalrusCli.commandLine();
        if (stdout != null) {
            ((ReadCommand) commandLine.getSubcommands().get("read").getCommand()).stdout = stdout;
        }
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** stdout split into lines (line separator independent). */
    String[] outLines() {
        return out.lines().toArray(String[]::new);
    }
}
