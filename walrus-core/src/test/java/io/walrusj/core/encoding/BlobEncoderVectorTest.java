package io.walrusj.core.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverPair;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every reference vector from the Walrus encoder (walrus-wasm), byte for byte. */
class BlobEncoderVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    static Stream<JsonNode> vectors() {
        return Stream.concat(ReferenceVectors.load("small-n.jsonl").stream(), ReferenceVectors.load("large-n.jsonl").stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesReferenceEncoder(JsonNode v) {
        byte[] input = ReferenceVectors.input(v.get("input").asString());
        assertThat(input).hasSize(v.get("length").asInt());
        assertThat(ReferenceVectors.sha256Hex(input)).isEqualTo(v.get("input_sha256").asString());
        int n = v.get("n_shards").asInt();
        EncodingConfig config = new EncodingConfig(n);
        assertThat(config.maxFaulty()).isEqualTo(v.get("f").asInt());
        assertThat(config.primarySymbols()).isEqualTo(v.get("n_primary_source_symbols").asInt());
        assertThat(config.secondarySymbols()).isEqualTo(v.get("n_secondary_source_symbols").asInt());
        assertThat(config.symbolSize(input.length)).isEqualTo(v.get("symbol_size").asInt());

        EncodedBlob encoded = new BlobEncoder(config).encode(input);
        BlobMetadata metadata = encoded.metadata().metadata();
        assertThat(encoded.blobId().toHex()).isEqualTo(v.get("blob_id_hex").asString());
        assertThat(encoded.blobId().toString()).isEqualTo(v.get("blob_id_b64url").asString());
        assertThat(metadata.rootHash().toString()).isEqualTo(v.get("root_hash_hex").asString());
        assertThat(metadata.unencodedLength()).isEqualTo(v.get("unencoded_length").asLong());
        if (v.has("pair_hashes")) {
            for (int k = 0; k < n; k++) {
                JsonNode pair = v.get("pair_hashes").get(k);
                assertThat(metadata.hashes().get(k).primaryHash().toString()).isEqualTo(pair.get("primary_hash").asString());
                assertThat(metadata.hashes().get(k).secondaryHash().toString()).isEqualTo(pair.get("secondary_hash").asString());
            }
        }
        for (int k = 0; k < n; k++) {
            SliverPair pair = encoded.pair(k);
            byte[] primaryBcs = pair.primary().toBcs();
            byte[] secondaryBcs = pair.secondary().toBcs();
            assertThat(primaryBcs).hasSize(v.get("primary_sliver_bcs_len").asInt());
            assertThat(secondaryBcs).hasSize(v.get("secondary_sliver_bcs_len").asInt());
            assertThat(ReferenceVectors.sha256Hex(primaryBcs)).as("primary sliver of pair %d", k)
                    .isEqualTo(v.get("primary_sliver_bcs_sha256").get(k).asString());
            assertThat(ReferenceVectors.sha256Hex(secondaryBcs)).as("secondary sliver of pair %d", k)
                    .isEqualTo(v.get("secondary_sliver_bcs_sha256").get(k).asString());
        }
    }

    /** docs/spec/walrus-encoding.md section 13: the n = 4 example, every byte. */
    @Test
    void workedExampleNEquals4() {
        byte[] blob = pattern(10);
        assertThat(HEX.formatHex(blob)).isEqualTo("0d141b222930373e454c");
        EncodedBlob encoded = new BlobEncoder(new EncodingConfig(4)).encode(blob);
        String[][] slivers = {
            {"060d141b22293002000000", "043f06727202000300"},
            {"06373e454c000002000100", "042930000002000200"},
            {"060e2052ae1b2502000200", "041b22454c02000100"},
            {"06340a0cc0321502000300", "040d14373e02000000"},
        };
        for (int k = 0; k < 4; k++) {
            assertThat(HEX.formatHex(encoded.pair(k).primary().toBcs())).isEqualTo(slivers[k][0]);
            assertThat(HEX.formatHex(encoded.pair(k).secondary().toBcs())).isEqualTo(slivers[k][1]);
        }
        assertThat(encoded.blobId().toHex()).isEqualTo("850901c7023ff7ab6c497d0c650387e8e4971d6060285e39afa4b011f84a0b75");
        assertThat(encoded.blobId().toString()).isEqualTo("hQkBxwI_96tsSX0MZQOH6OSXHWBgKF45r6SwEfhKC3U");
        assertThat(encoded.metadata().metadata().rootHash().toString())
                .isEqualTo("db9a3a0ead7ac31a586acaae03cf859cf00becaebd856e69ac141bf4732d7678");
        String[][] hashes = {
            {"9a1e6cba2fc584f779500fb3d07e45f1ca23bab53ac98cb51837bae15ec53d75", "e5712229d3d7f62626486b13e9b329d777eb23190c4684b2dff2d2f919520b13"},
            {"f2a79b28139a93d282bbbfffd2fe39eab484f8f5b5aa9e4bd296914312700888", "33e1205cd15fbbbb25b1a4a68593b19ef6949dc171165d999e6baddb1fc2ba1c"},
            {"039696d39d2fbe8e1370e827be49d446bd9477bac70b6bb72d276a001c1703ce", "71a1578f002330ae4f39641280dca8ef641c481f281d8606a636bf62b42bc3b8"},
            {"59840fb56dc0052cb8240ae1ca3908ae40b4991afb37c24357586a6b81bfd960", "20d7ef953372ea4623eab96fea5e8f423bf56664e1485785f4b01e4fb5114f51"},
        };
        StringBuilder body = new StringBuilder("00010a0000000000000004");
        for (String[] pair : hashes) {
            body.append("01").append(pair[0]).append("01").append(pair[1]);
        }
        assertThat(HEX.formatHex(encoded.metadata().metadata().toBcs())).isEqualTo(body.toString());
        assertThat(HEX.formatHex(encoded.metadata().toBcs())).isEqualTo(encoded.blobId().toHex() + body);
    }

    @Test
    void blobIdTableOfTheSpec() {
        String[][] cases = {
            {"4", "10", "hQkBxwI_96tsSX0MZQOH6OSXHWBgKF45r6SwEfhKC3U"},
            {"10", "100", "7VcehCC46COzE_nOUUlyONMNUU-f4TuI7O85q3OPoGM"},
            {"10", "0", "gLzpD29smKZiYJIWwKatudKr76kEprQeMPyAhuMbWd4"},
            {"1000", "0", "3GPQL3HZNnFhN_F7l5Aa-X1VOtAKwIsg9zuWk8R81v4"},
            {"1000", "1", "EFslbSPdb3hnt0UT8SZMgYz2tMMkp2XoiSwBZJKp37Q"},
            {"1000", "1024", "o4OQCnK_MhszgEg1jzhaOVybc9iril8_iJtbhM8kPeE"},
        };
        for (String[] c : cases) {
            EncodingConfig config = new EncodingConfig(Integer.parseInt(c[0]));
            assertThat(new BlobEncoder(config).encode(pattern(Integer.parseInt(c[1]))).blobId().toString())
                    .as("n=%s P(%s)", c[0], c[1]).isEqualTo(c[2]);
        }
        assertThat(new BlobEncoder(new EncodingConfig(10)).encode("walrus blob id v1 regression test".getBytes()).blobId().toString())
                .isEqualTo("RcU82Mwf-CFkv1LaI_2qcpANwpGUuG3TMwnVzZxD2kY");
        assertThat(new BlobEncoder(new EncodingConfig(1000)).encode("hello world".getBytes()).blobId().toString())
                .isEqualTo("vldooumlbSRuiUvv54k0MowsF5afG7SVC0b9oXufbzQ");
    }

    static byte[] pattern(int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) (7 * i + 13);
        }
        return out;
    }
}
