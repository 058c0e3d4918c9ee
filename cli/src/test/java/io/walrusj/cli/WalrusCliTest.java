package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalrusCliTest {
    @Test
    void helpListsTheSubcommands() {
        CliRun run = CliRun.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("walrus").contains("blob-id").contains("encode")
                .contains("store").contains("read").contains("status");
    }

    @Test
    void versionIsTheProjectVersion() {
        CliRun run = CliRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("walrus-cli ").doesNotContain("unknown").doesNotContain("@project.version@");
    }

    @Test
    void subcommandHelpShowsTheDefaults() {
        CliRun run = CliRun.run("blob-id", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--n-shards").contains("1000").contains("--parallelism");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun run = CliRun.run();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.run("blob-id", "--frobnicate", "x");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--frobnicate");
    }
}
