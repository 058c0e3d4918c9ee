package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncodeCommandTest {
    private static final HexFormat HEX = HexFormat.of();
    /** Blob ID of the 10 bytes below at n = 4. */
    private static final String BLOB_ID_HEX = "850901c7023ff7ab6c497d0c650387e8e4971d6060285e39afa4b011f84a0b75";

    @TempDir
    Path dir;

    private Path tenByteBlob() throws Exception {
        return Files.write(dir.resolve("ten.bin"), HEX.parseHex("0d141b222930373e454c"));
    }

    private static String hex(Path file) throws Exception {
        return HEX.formatHex(Files.readAllBytes(file));
    }

    @Test
    void writesMetadataAndSliverPairsAsBcs() throws Exception {
        Path input = tenByteBlob();
        Path out = dir.resolve("out/nested");

        CliRun run = CliRun.run("encode", "--n-shards", "4", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();

        byte[] metadata = Files.readAllBytes(out.resolve("metadata.bcs"));
        assertThat(metadata).hasSize(32 + 11 + 4 * 66);
        assertThat(HEX.formatHex(metadata)).startsWith(BLOB_ID_HEX + "00010a0000000000000004");

        assertThat(hex(out.resolve("pair-0.primary.bcs"))).isEqualTo("060d141b22293002000000");
        assertThat(hex(out.resolve("pair-0.secondary.bcs"))).isEqualTo("043f06727202000300");
        assertThat(hex(out.resolve("pair-3.secondary.bcs"))).isEqualTo("040d14373e02000000");
        for (int k = 0; k < 4; k++) {
            assertThat(out.resolve("pair-" + k + ".primary.bcs")).isRegularFile();
            assertThat(out.resolve("pair-" + k + ".secondary.bcs")).isRegularFile();
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .hasSize(2 + 2 * 4)
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void printsBlobIdAndDirectoryAndWritesBlobJson() throws Exception {
        Path input = tenByteBlob();
        Path out = dir.resolve("out");

        CliRun run = CliRun.run("encode", "--n-shards=4", "--parallelism=2", "-o", out.toString(), input.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String blobId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(HEX.parseHex(BLOB_ID_HEX));
        assertThat(run.out()).contains(blobId).contains(out.toString());

        String json = Files.readString(out.resolve("blob.json"), StandardCharsets.UTF_8);
        assertThat(json)
                .contains("\"blobId\": \"" + blobId + "\"")
                .contains("\"unencodedLength\": 10")
                .contains("\"nShards\": 4")
                .contains("\"symbolSize\": 2")
                .contains("\"encodingType\": \"RS2\"")
                .contains("\"file\": \"ten.bin\"");
    }

    @Test
    void blobIdMatchesTheBlobIdCommand() throws Exception {
        Path input = Files.write(dir.resolve("hello.txt"), "hello world".getBytes(StandardCharsets.US_ASCII));
        Path out = dir.resolve("out");

        CliRun encode = CliRun.run("encode", input.toString(), "--out", out.toString());

        assertThat(encode.exitCode()).as(encode.err()).isZero();
        assertThat(encode.out()).contains("vldooumlbSRuiUvv54k0MowsF5afG7SVC0b9oXufbzQ");
        assertThat(out.resolve("pair-999.secondary.bcs")).isRegularFile();
        assertThat(Files.readString(out.resolve("blob.json"))).contains("\"nShards\": 1000");
    }

    @Test
    void reEncodingWithFewerShardsRemovesStalePairFiles() throws Exception {
        Path input = tenByteBlob();
        Path out = dir.resolve("out");

        assertThat(CliRun.run("encode", "--n-shards", "7", input.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(out.resolve("pair-6.primary.bcs")).isRegularFile();
        assertThat(CliRun.run("encode", "--n-shards", "4", input.toString(), "--out", out.toString()).exitCode()).isZero();

        assertThat(out.resolve("pair-3.primary.bcs")).isRegularFile();
        assertThat(out.resolve("pair-4.primary.bcs")).doesNotExist();
        assertThat(out.resolve("pair-6.secondary.bcs")).doesNotExist();
        assertThat(hex(out.resolve("pair-0.primary.bcs"))).isEqualTo("060d141b22293002000000");
    }

    @Test
    void missingInputIsAnError() {
        Path missing = dir.resolve("missing.bin");

        CliRun run = CliRun.run("encode", "--n-shards", "4", missing.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(missing.toString());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void outputPathThatIsAFileIsAnError() throws Exception {
        Path input = tenByteBlob();
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");

        CliRun run = CliRun.run("encode", "--n-shards", "4", input.toString(), "--out", notADirectory.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(notADirectory.toString());
    }

    @Test
    void missingOutIsAUsageError() throws Exception {
        CliRun run = CliRun.run("encode", tenByteBlob().toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void tooFewShardsIsAUsageError() throws Exception {
        CliRun run = CliRun.run("encode", "--n-shards", "2", tenByteBlob().toString(), "--out", dir.resolve("o").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("at least 4 shards");
    }
}
