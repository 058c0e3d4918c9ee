package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.cli.FakeGateway.Response;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadCommandTest {
    static final String BLOB_ID = StoreCommandTest.BLOB_ID;
    static final String NOT_FOUND = """
            {"error":{"code":404,"status":"NOT_FOUND","message":"the requested blob ID does not exist",
            "details":[{"@type":"ErrorInfo","reason":"BLOB_NOT_FOUND","domain":"daemon.walrus.space","metadata":{}}]}}
            """;

    @TempDir
    Path dir;

    FakeGateway gateway;
    byte[] blob;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new FakeGateway();
        // every byte value, then 1 MiB of noise: more than one read buffer
        blob = new byte[256 + (1 << 20)];
        for (int i = 0; i < 256; i++) {
            blob[i] = (byte) i;
        }
        byte[] noise = new byte[1 << 20];
        new Random(11).nextBytes(noise);
        System.arraycopy(noise, 0, blob, 256, noise.length);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void writesTheBlobToAFileByteForByte() throws Exception {
        gateway.answer(Response.bytes(blob));
        Path out = dir.resolve("sub/dir/copy.bin");

        CliRun run = CliRun.run("read", BLOB_ID, "--out", out.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
        assertThat(Files.readAllBytes(out)).isEqualTo(blob);
        assertThat(gateway.onlyRequest().method()).isEqualTo("GET");
        assertThat(gateway.onlyRequest().path()).isEqualTo("/v1/blobs/" + BLOB_ID);
        assertThat(leftovers(out.getParent())).containsExactly("copy.bin");
    }

    @Test
    void replacesAnExistingFile() throws Exception {
        gateway.answer(Response.bytes(blob));
        Path out = Files.writeString(dir.resolve("copy.bin"), "old content that is longer than nothing");

        CliRun run = CliRun.run("read", BLOB_ID, "-o", out.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(blob);
    }

    @Test
    void writesTheBlobToStdoutByteForByte() {
        gateway.answer(Response.bytes(blob));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        CliRun run = CliRun.runWithStdout(stdout, "read", BLOB_ID, "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(stdout.toByteArray()).isEqualTo(blob);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void emptyBlob() throws Exception {
        gateway.answer(Response.bytes(new byte[0]));
        Path out = dir.resolve("empty");

        CliRun run = CliRun.run("read", BLOB_ID, "--out", out.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.size(out)).isZero();
    }

    @Test
    void notFoundShowsTheWalrusErrorAndWritesNothing() throws Exception {
        gateway.answer(Response.json(404, NOT_FOUND));
        Path out = dir.resolve("copy.bin");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();

        CliRun toFile = CliRun.run("read", BLOB_ID, "--out", out.toString(), "--gateway", gateway.url());
        CliRun toStdout = CliRun.runWithStdout(stdout, "read", BLOB_ID, "--gateway", gateway.url());

        for (CliRun run : new CliRun[] {toFile, toStdout}) {
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err().strip()).isEqualTo(
                    "walrus read: the gateway answered 404 BLOB_NOT_FOUND: the requested blob ID does not exist");
        }
        assertThat(stdout.size()).isZero();
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void unavailableKeepsAnExistingFile() throws Exception {
        gateway.answer(Response.json(503, """
                {"error":{"code":503,"status":"UNAVAILABLE","message":"blob unavailable, retry later",
                "details":[{"@type":"ErrorInfo","reason":"BLOB_UNAVAILABLE","domain":"daemon.walrus.space"}]}}"""));
        Path out = Files.writeString(dir.resolve("copy.bin"), "keep me");

        CliRun run = CliRun.run("read", BLOB_ID, "--out", out.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("503 BLOB_UNAVAILABLE: blob unavailable, retry later");
        assertThat(Files.readString(out)).isEqualTo("keep me");
        assertThat(leftovers(dir)).containsExactly("copy.bin");
    }

    @Test
    void errorWithoutBodyShowsTheStatus() {
        gateway.answer(new Response(502, null, new byte[0], -1));

        CliRun run = CliRun.runWithStdout(new ByteArrayOutputStream(), "read", BLOB_ID, "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo("walrus read: the gateway answered 502 Bad Gateway");
    }

    @Test
    void aBodyCutShortLeavesNoFile() throws Exception {
        gateway.answer(new Response(200, "application/octet-stream", Arrays.copyOf(blob, 1000), blob.length));
        Path out = dir.resolve("copy.bin");

        CliRun run = CliRun.run("read", BLOB_ID, "--out", out.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("walrus read: ");
        assertThat(leftovers(dir)).isEmpty();
    }

    @Test
    void malformedBlobIdIsAUsageErrorWithoutARequest() {
        CliRun run = CliRun.run("read", "not-a-blob-id", "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("BLOB_ID").contains("43");
        assertThat(gateway.requests()).isEmpty();
    }

    @Test
    void outputIntoADirectoryIsRefused() {
        gateway.answer(Response.bytes(blob));

        CliRun run = CliRun.run("read", BLOB_ID, "--out", dir.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Is a directory");
        assertThat(gateway.requests()).isEmpty();
    }

    private static String[] leftovers(Path directory) throws Exception {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }
}
