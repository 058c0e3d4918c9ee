package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobIdCommandTest {
    private static final String HELLO_WORLD_N1000 = "vldooumlbSRuiUvv54k0MowsF5afG7SVC0b9oXufbzQ";
    private static final String EMPTY_N10 = "gLzpD29smKZiYJIWwKatudKr76kEprQeMPyAhuMbWd4";
    private static final String REGRESSION_N10 = "RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY";

    @TempDir
    Path dir;

    private Path file(String name, String asciiContent) throws Exception {
        return Files.write(dir.resolve(name), asciiContent.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void helloWorldWithDefaultShardCount() throws Exception {
        Path hello = file("hello.txt", "hello world");

        CliRun run = CliRun.run("blob-id", hello.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(HELLO_WORLD_N1000 + "  " + hello);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void emptyFileWithTenShards() throws Exception {
        Path empty = file("empty", "");

        CliRun run = CliRun.run("blob-id", "--n-shards", "10", empty.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(EMPTY_N10 + "  " + empty);
    }

    @Test
    void regressionVectorWithTenShards() throws Exception {
        Path blob = file("regression.txt", "walrus blob id v1 regression test");

        CliRun run = CliRun.run("blob-id", "--n-shards=10", blob.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(REGRESSION_N10 + "  " + blob);
    }

    @Test
    void parallelismDoesNotChangeTheBlobId() throws Exception {
        Path hello = file("hello.txt", "hello world");

        CliRun run = CliRun.run("blob-id", "--parallelism", "1", hello.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(HELLO_WORLD_N1000 + "  " + hello);
    }

    @Test
    void twoFilesGiveTwoLinesInArgumentOrder() throws Exception {
        Path regression = file("b-regression.txt", "walrus blob id v1 regression test");
        Path empty = file("a-empty", "");

        CliRun run = CliRun.run("blob-id", "--n-shards", "10", regression.toString(), empty.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                REGRESSION_N10 + "  " + regression,
                EMPTY_N10 + "  " + empty);
    }

    @Test
    void missingFileIsReportedAndTheOthersStillPrinted() throws Exception {
        Path missing = dir.resolve("does-not-exist.bin");
        Path empty = file("empty", "");

        CliRun run = CliRun.run("blob-id", "--n-shards", "10", missing.toString(), empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(EMPTY_N10 + "  " + empty);
        assertThat(run.err()).contains(missing.toString()).contains("No such file");
    }

    @Test
    void directoryIsReportedAndTheOthersStillPrinted() throws Exception {
        Path empty = file("empty", "");

        CliRun run = CliRun.run("blob-id", "--n-shards", "10", dir.toString(), empty.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).containsExactly(EMPTY_N10 + "  " + empty);
        assertThat(run.err()).contains(dir.toString()).contains("directory");
    }

    @Test
    void tooFewShardsIsAUsageError() throws Exception {
        Path hello = file("hello.txt", "hello world");

        CliRun run = CliRun.run("blob-id", "--n-shards", "3", hello.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("at least 4 shards");
    }

    @Test
    void zeroParallelismIsAUsageError() throws Exception {
        Path hello = file("hello.txt", "hello world");

        CliRun run = CliRun.run("blob-id", "--parallelism", "0", hello.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--parallelism");
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = CliRun.run("blob-id");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("FILE");
    }
}
