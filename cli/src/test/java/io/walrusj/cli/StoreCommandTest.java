package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.cli.FakeGateway.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {
    static final String BLOB_ID = "vldooumlbSRuiUvv54k0MowsF5afG7SVC0b9oXufbzQ";
    static final String OBJECT_ID = "0x" + "ab".repeat(32);
    static final String NEWLY_CREATED = """
            {"newlyCreated":{"blobObject":{"id":"%s","registeredEpoch":3,"blobId":"%s","size":11,
            "encodingType":"RS2","certifiedEpoch":3,"storage":{"id":"0x%s","startEpoch":3,"endEpoch":8,
            "storageSize":2480},"deletable":false},"resourceOperation":{"registerFromScratch":
            {"encodedLength":2480,"epochsAhead":5}},"cost":600000}}
            """.formatted(OBJECT_ID, BLOB_ID, "cd".repeat(32));
    static final String ALREADY_CERTIFIED = """
            {"alreadyCertified":{"blobId":"%s","event":{"txDigest":"9vXq3wBq","eventSeq":"0"},"endEpoch":8}}
            """.formatted(BLOB_ID);

    @TempDir
    Path dir;

    FakeGateway gateway;
    Path file;
    byte[] content;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new FakeGateway();
        content = new byte[70_000];
        new Random(7).nextBytes(content);
        file = Files.write(dir.resolve("data.bin"), content);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void newlyCreatedPrintsBlobAndObjectId() {
        gateway.answer(Response.json(200, NEWLY_CREATED));

        CliRun run = CliRun.run("store", file.toString(), "--epochs", "5", "--permanent", "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains("Blob ID: " + BLOB_ID, "Object ID: " + OBJECT_ID,
                "Status: newly created, permanent, certified in epoch 3", "Epochs: 3 to 8 (end exclusive)",
                "Cost: 600000 FROST");
        FakeGateway.Request request = gateway.onlyRequest();
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/v1/blobs");
        assertThat(request.query()).isEqualTo("epochs=5&permanent=true");
        assertThat(request.contentType()).isEqualTo("application/octet-stream");
        assertThat(request.body()).isEqualTo(content);
    }

    @Test
    void alreadyCertifiedSaysSo() {
        gateway.answer(Response.json(200, ALREADY_CERTIFIED));

        CliRun run = CliRun.run("store", file.toString(), "--gateway", gateway.url() + "/");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly("Blob ID: " + BLOB_ID,
                "Status: already certified until epoch 8 (end exclusive)", "Certified by event: 9vXq3wBq:0");
        assertThat(gateway.onlyRequest().query()).isEmpty();
        assertThat(gateway.onlyRequest().path()).isEqualTo("/v1/blobs");
    }

    @Test
    void deletableAndForceBecomeQueryParameters() {
        gateway.answer(Response.json(200, NEWLY_CREATED));

        CliRun run = CliRun.run("store", "--deletable", "--force", "--epochs=2", file.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(gateway.onlyRequest().query()).isEqualTo("epochs=2&deletable=true&force=true");
    }

    @Test
    void jsonPrintsTheAnswer() {
        gateway.answer(Response.json(200, ALREADY_CERTIFIED));

        CliRun run = CliRun.run("store", file.toString(), "--json", "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo(ALREADY_CERTIFIED.strip() + System.lineSeparator());
    }

    @Test
    void walrusErrorJsonIsShownOnStderr() {
        gateway.answer(Response.json(504, """
                {"error":{"code":504,"status":"DEADLINE_EXCEEDED","message":"timed out collecting storage confirmations",
                "details":[{"@type":"ErrorInfo","reason":"INSUFFICIENT_CONFIRMATIONS","domain":"daemon.walrus.space","metadata":{}}]}}
                """));

        CliRun run = CliRun.run("store", file.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(
                "walrus store: the gateway answered 504 INSUFFICIENT_CONFIRMATIONS: timed out collecting storage confirmations");
    }

    @Test
    void plainTextErrorIsShownOnStderr() {
        gateway.answer(Response.text(413, "Failed to buffer the request body: length limit exceeded\n"));

        CliRun run = CliRun.run("store", file.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo(
                "walrus store: the gateway answered 413: Failed to buffer the request body: length limit exceeded");
    }

    @Test
    void markedInvalidIsAnError() {
        gateway.answer(Response.json(200, "{\"markedInvalid\":{\"blobId\":\"" + BLOB_ID + "\",\"event\":{}}}"));

        CliRun run = CliRun.run("store", file.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("is marked invalid");
    }

    @Test
    void missingFileIsReportedWithoutARequest() {
        CliRun run = CliRun.run("store", dir.resolve("nope").toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("walrus store: " + dir.resolve("nope") + ": No such file or directory");
        assertThat(gateway.requests()).isEmpty();
    }

    @Test
    void directoryIsRefused() {
        CliRun run = CliRun.run("store", dir.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Is a directory");
    }

    @Test
    void permanentAndDeletableTogetherIsAUsageError() {
        CliRun run = CliRun.run("store", file.toString(), "--permanent", "--deletable", "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
        assertThat(gateway.requests()).isEmpty();
    }

    @Test
    void zeroEpochsIsAUsageError() {
        CliRun run = CliRun.run("store", file.toString(), "--epochs", "0", "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--epochs");
    }

    @Test
    void badGatewayUrlIsAUsageError() {
        CliRun run = CliRun.run("store", file.toString(), "--gateway", "ftp://example.com");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--gateway");
    }

    @Test
    void unreachableGatewayIsAnErrorNotAnAnswer() {
        String url = gateway.url();
        gateway.close();

        CliRun run = CliRun.run("store", file.toString(), "--gateway", url);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("walrus store: cannot connect to the gateway at " + url);
    }

    @Test
    void answerThatIsNotJsonIsAnError() {
        gateway.answer(Response.text(200, "<html>hello</html>"));

        CliRun run = CliRun.run("store", file.toString(), "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("not JSON").contains("<html>hello</html>");
    }

    @Test
    void helpShowsTheDefaultGateway() {
        CliRun run = CliRun.run("store", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--gateway").contains("WALRUS_GATEWAY").contains("http://127.0.0.1:8080");
    }
}
