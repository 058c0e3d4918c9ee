package io.walrusj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.cli.FakeGateway.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    static final String BLOB_ID = StoreCommandTest.BLOB_ID;
    static final String PERMANENT = """
            {"blobId":"%s","epoch":4,"status":{"permanent":{"endEpoch":8,"isCertified":true,
            "statusEvent":{"txDigest":"4fGh","eventSeq":"1"},"deletableCounts":{"count_deletable_total":2,
            "count_deletable_certified":1},"initialCertifiedEpoch":3}},"objectCount":3,"updatedEventId":17}
            """.formatted(BLOB_ID);
    static final String OBJECTS = """
            {"blobId":"%s","objects":[{"objectId":"0x01","blobId":"%s","owner":"0xfe","registeredEpoch":3,
            "certifiedEpoch":3,"endEpoch":8,"deletable":false,"size":"11","encodingType":1,"deleted":false,
            "invalid":false,"expired":false},{"objectId":"0x02","blobId":"%s","owner":"0xfe","registeredEpoch":4,
            "certifiedEpoch":null,"endEpoch":5,"deletable":true,"size":"11","encodingType":1,"deleted":true,
            "invalid":false,"expired":false}]}
            """.formatted(BLOB_ID, BLOB_ID, BLOB_ID);

    FakeGateway gateway;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new FakeGateway();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void permanentCertifiedBlob() {
        gateway.answer(Response.json(200, PERMANENT));

        CliRun run = CliRun.run("status", BLOB_ID, "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).containsExactly(
                "Blob ID: " + BLOB_ID,
                "Status: permanent, certified",
                "End epoch: 8 (exclusive)",
                "Certified since epoch: 3",
                "Certified by event: 4fGh:1",
                "Deletable objects: 2 (1 certified)",
                "Blob objects: 3",
                "Current epoch: 4");
        assertThat(gateway.onlyRequest().method()).isEqualTo("GET");
        assertThat(gateway.onlyRequest().path()).isEqualTo("/indexer/v1/blobs/" + BLOB_ID);
    }

    @Test
    void otherStatuses() {
        assertThat(StatusCommand.describe(Json.parse("{\"blobId\":\"x\",\"epoch\":2,\"status\":\"nonexistent\",\"objectCount\":0}")))
                .contains("Status: nonexistent (no live Blob object: never stored, deleted or expired)");
        assertThat(StatusCommand.describe(Json.parse("""
                {"blobId":"x","status":{"invalid":{"event":{"txDigest":"abc","eventSeq":"2"}}}}""")))
                .containsExactly("Blob ID: x", "Status: invalid (marked invalid on chain)", "Invalidated by event: abc:2");
        assertThat(StatusCommand.describe(Json.parse("""
                {"blobId":"x","status":{"deletable":{"initialCertifiedEpoch":null,
                "deletableCounts":{"count_deletable_total":1,"count_deletable_certified":0}}}}""")))
                .containsExactly("Blob ID: x", "Status: deletable objects only", "Certified: no", "Deletable objects: 1 (0 certified)");
        assertThat(StatusCommand.describe(Json.parse("""
                {"blobId":"x","status":{"permanent":{"endEpoch":5,"isCertified":false,"statusEvent":{"txDigest":"t",
                "eventSeq":"0"},"deletableCounts":{"count_deletable_total":0,"count_deletable_certified":0},
                "initialCertifiedEpoch":null}}}""")))
                .contains("Status: permanent, registered, not certified yet", "Registered by event: t:0");
    }

    @Test
    void indexerPrefixIsConfigurable() {
        gateway.answer(Response.json(200, PERMANENT));

        CliRun withPrefix = CliRun.run("status", BLOB_ID, "--indexer-prefix", "chain/", "--gateway", gateway.url());
        CliRun direct = CliRun.run("status", BLOB_ID, "--indexer-prefix=", "--gateway", gateway.url());

        assertThat(withPrefix.exitCode()).isZero();
        assertThat(direct.exitCode()).isZero();
        assertThat(gateway.requests()).extracting(FakeGateway.Request::path)
                .containsExactly("/chain/v1/blobs/" + BLOB_ID, "/v1/blobs/" + BLOB_ID);
    }

    @Test
    void objectsAreListed() {
        gateway.answer(r -> r.path().endsWith("/objects") ? Response.json(200, OBJECTS) : Response.json(200, PERMANENT));

        CliRun run = CliRun.run("status", BLOB_ID, "--objects", "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).endsWith(
                "Objects:",
                "  0x01  permanent; registered in epoch 3, certified in epoch 3, end epoch 8, 11 bytes, owner 0xfe",
                "  0x02  deletable, deleted; registered in epoch 4, not certified, end epoch 5, 11 bytes, owner 0xfe");
        assertThat(gateway.requests()).extracting(FakeGateway.Request::path)
                .containsExactly("/indexer/v1/blobs/" + BLOB_ID, "/indexer/v1/blobs/" + BLOB_ID + "/objects");
    }

    @Test
    void jsonPrintsTheIndexerAnswer() {
        gateway.answer(Response.json(200, PERMANENT));

        CliRun run = CliRun.run("status", BLOB_ID, "--json", "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo(PERMANENT.strip());
        assertThat(Json.parse(run.out().strip())).isInstanceOf(java.util.Map.class);
    }

    @Test
    void jsonWithObjectsIsOneDocument() {
        gateway.answer(r -> r.path().endsWith("/objects") ? Response.json(200, OBJECTS) : Response.json(200, PERMANENT));

        CliRun run = CliRun.run("status", BLOB_ID, "--json", "--objects", "--gateway", gateway.url());

        assertThat(run.exitCode()).isZero();
        Object json = Json.parse(run.out().strip());
        assertThat(Json.object(json, "status")).containsKey("blobId");
        assertThat(Json.object(json, "objects")).containsKey("objects");
    }

    @Test
    void unknownBlobShowsTheIndexerError() {
        gateway.answer(Response.json(404, """
                {"status":404,"error":"Not Found","reason":"blob ID %s was never registered"}""".formatted(BLOB_ID)));

        CliRun run = CliRun.run("status", BLOB_ID, "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).isEqualTo(
                "walrus status: the gateway answered 404 Not Found: blob ID " + BLOB_ID + " was never registered");
    }

    @Test
    void gatewayErrorsAreShown() {
        gateway.answer(Response.json(503, """
                {"error":{"code":503,"status":"UNAVAILABLE","message":"the indexer is not reachable",
                "details":[{"@type":"ErrorInfo","reason":"UPSTREAM_UNAVAILABLE","domain":"gateway.walrus.space","metadata":{}}]}}"""));

        CliRun run = CliRun.run("status", BLOB_ID, "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).isEqualTo(
                "walrus status: the gateway answered 503 UPSTREAM_UNAVAILABLE: the indexer is not reachable");
    }

    @Test
    void malformedBlobIdIsAUsageError() {
        CliRun run = CliRun.run("status", BLOB_ID + "A", "--gateway", gateway.url());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(gateway.requests()).isEmpty();
    }
}
