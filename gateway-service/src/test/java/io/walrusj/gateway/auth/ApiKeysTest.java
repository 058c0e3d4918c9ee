package io.walrusj.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void aKeyIsKnownByItsSha256Only() {
        // printf %s 'secret-one' | sha256sum
        byte[] digest = ApiKeys.parseDigest(HexFormat.of().formatHex(ApiKeys.sha256("secret-one")).toUpperCase());
        ApiKeys keys = new ApiKeys(List.of(
                new ApiKeys.Client("one", digest, 10, 1),
                new ApiKeys.Client("two", ApiKeys.sha256("secret-two"), 10, 1)));

        assertThat(keys.authenticate("secret-one")).map(ApiKeys.Client::name).hasValue("one");
        assertThat(keys.authenticate("secret-two")).map(ApiKeys.Client::name).hasValue("two");
        assertThat(keys.authenticate("secret-on")).isEmpty();
        assertThat(keys.authenticate(HexFormat.of().formatHex(digest))).as("the digest is not a key").isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate(null)).isEmpty();
    }

    @Test
    void digestsMustBeSha256AndDistinct() {
        assertThat(ApiKeys.parseDigest("zz")).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeys.Client("x", new byte[16], 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApiKeys(List.of(
                new ApiKeys.Client("a", ApiKeys.sha256("k"), 1, 1), new ApiKeys.Client("b", ApiKeys.sha256("k"), 1, 1))));
    }
}
