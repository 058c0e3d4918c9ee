package io.walrusj.encoder.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Every auth reason of spec 2.3 with its status, replay suppression and the 60 s leeway. */
class PublisherAuthenticatorTest {
    static final String SECRET = "publisher-secret";
    static final long NOW = 1_750_000_000L;
    static final SuiAddress ADDRESS = SuiAddress.parseLenient("0x2a");
    static final SuiAddress OTHER = SuiAddress.parseLenient("0x11");

    final AtomicLong clock = new AtomicLong(NOW);

    PublisherAuthenticator auth(String secret, long expiringSec, boolean verifyUpload) {
        return new PublisherAuthenticator(new JwtProperties(secret, "HS256", expiringSec, verifyUpload, 1000), clock::get);
    }

    static UploadFacts facts(long epochs, Optional<SuiAddress> sendTo, long length) {
        return new UploadFacts(epochs, sendTo, OptionalLong.of(length));
    }

    static UploadFacts plain() {
        return facts(1, Optional.empty(), 10);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String claims(String extra) {
        return "{\"exp\":" + (NOW + 300) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"" + extra + "}";
    }

    static void assertFailure(ThrowingCallable call, AuthFailure reason, int http) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DaemonException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason.name());
            assertThat(e.status().http()).isEqualTo(http);
            assertThat(e.domain()).isEqualTo("auth.publisher.walrus.space");
        });
    }

    @Test
    void offByDefaultAndEnabledByAnyOfTheThreeSettings() {
        assertThat(auth(null, 0, false).enabled()).isFalse();
        assertThat(auth("", 0, false).enabled()).isFalse();
        assertThat(auth(SECRET, 0, false).enabled()).isTrue();
        assertThat(auth(null, 60, false).enabled()).isTrue();
        assertThat(auth(null, 0, true).enabled()).isTrue();
        assertThatCode(() -> auth(null, 0, false).authenticate(null, plain())).doesNotThrowAnyException();
    }

    @Test
    void missingOrNonBearerHeaderIsAFrameworkRejection() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        assertThatThrownBy(() -> a.authenticate(null, plain())).isInstanceOf(FrameworkRejection.class)
                .hasMessageContaining("authorization");
        assertThatThrownBy(() -> a.authenticate("Basic dXNlcjpwdw==", plain())).isInstanceOf(FrameworkRejection.class);
    }

    @Test
    void validTokenPassesOnceThenIsAReplay() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        String token = TestTokens.hs256(SECRET, claims(""));
        a.authenticate(bearer(token), plain());
        assertThat(a.rememberedTokens()).isEqualTo(1);
        assertFailure(() -> a.authenticate(bearer(token), plain()), AuthFailure.TOKEN_ALREADY_USED, 429);
        // the scheme name is case-insensitive
        a.authenticate("bearer " + TestTokens.hs256(SECRET, claims("")), plain());
    }

    @Test
    void replayIsForgottenOnceTheTokenCouldNoLongerBeAccepted() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        String token = TestTokens.hs256(SECRET, "{\"exp\":" + (NOW + 10) + ",\"jti\":\"once\"}");
        a.authenticate(bearer(token), plain());
        clock.set(NOW + 10 + JwtDecoder.LEEWAY_SECONDS + 1);
        // now expired beyond the leeway: rejected as expired, not as a replay; the next use purges the entry
        assertFailure(() -> a.authenticate(bearer(token), plain()), AuthFailure.EXPIRED_SIGNATURE, 504);
        a.authenticate(bearer(TestTokens.hs256(SECRET, "{\"exp\":" + (NOW + 1000) + ",\"jti\":\"next\"}")), plain());
        assertThat(a.rememberedTokens()).isEqualTo(1);
    }

    @Test
    void wrongSecretIsInvalidSignature401() {
        String token = TestTokens.hs256("another-secret", claims(""));
        assertFailure(() -> auth(SECRET, 0, false).authenticate(bearer(token), plain()), AuthFailure.INVALID_SIGNATURE, 401);
    }

    @Test
    void expiryHonoursTheSixtySecondLeeway() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        String justWithin = TestTokens.hs256(SECRET, "{\"exp\":" + (NOW - 60) + ",\"jti\":\"a\"}");
        a.authenticate(bearer(justWithin), plain());
        String beyond = TestTokens.hs256(SECRET, "{\"exp\":" + (NOW - 61) + ",\"jti\":\"b\"}");
        assertFailure(() -> a.authenticate(bearer(beyond), plain()), AuthFailure.EXPIRED_SIGNATURE, 504);
    }

    @Test
    void withoutSecretNeitherSignatureNorExpiryIsChecked() {
        PublisherAuthenticator a = auth(null, 0, true);
        String foreign = TestTokens.hs256("whatever", "{\"exp\":1,\"jti\":\"x\"}");
        assertThatCode(() -> a.authenticate(bearer(foreign), plain())).doesNotThrowAnyException();
    }

    @Test
    void malformedTokensAreInvalidToken() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        for (String bad : new String[] {"abc", "a.b", TestTokens.b64("{}") + "." + TestTokens.b64("{}") + ".!!",
                TestTokens.b64("not json") + "." + TestTokens.b64("{}") + ".sig",
                TestTokens.b64("{\"alg\":\"none\"}") + "." + TestTokens.b64(claims("")) + ".",
                TestTokens.hs256(SECRET, "{\"jti\":\"no-exp\"}"),
                TestTokens.hs256(SECRET, "{\"exp\":" + (NOW + 100) + "}"),
                TestTokens.hs256(SECRET, "{\"exp\":\"soon\",\"jti\":\"s\"}"),
                TestTokens.hs256(SECRET, claims(",\"epochs\":-1")),
                TestTokens.hs256(SECRET, claims(",\"send_object_to\":\"not-an-address\"")),
                TestTokens.hs256(SECRET, claims(",\"aud\":\"someone\"")),
                TestTokens.sign("HS512", "HmacSHA512", SECRET.getBytes(StandardCharsets.UTF_8), claims(""))}) {
            assertFailure(() -> a.authenticate(bearer(bad), plain()), AuthFailure.INVALID_TOKEN, 400);
        }
        assertThat(a.rememberedTokens()).isZero();
    }

    @Test
    void hs384AndHs512AndHexSecrets() {
        byte[] secret = {1, 2, 3, 4, (byte) 0xff};
        String hex = "0x" + HexFormat.of().formatHex(secret);
        var hs384 = new PublisherAuthenticator(new JwtProperties(hex, "HS384", 0, false, 10), clock::get);
        hs384.authenticate(bearer(TestTokens.sign("HS384", "HmacSHA384", secret, claims(""))), plain());
        var hs512 = new PublisherAuthenticator(new JwtProperties(SECRET, "HS512", 0, false, 10), clock::get);
        hs512.authenticate(bearer(TestTokens.sign("HS512", "HmacSHA512", SECRET.getBytes(StandardCharsets.UTF_8),
                claims(""))), plain());
        assertThatThrownBy(() -> new PublisherAuthenticator(new JwtProperties(SECRET, "RS256", 0, false, 10), clock::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestampOutsideChronosRangeIsInvalidTimestamp() {
        String token = TestTokens.hs256(SECRET, "{\"exp\":9000000000000,\"jti\":\"far\"}");
        assertFailure(() -> auth(SECRET, 0, false).authenticate(bearer(token), plain()), AuthFailure.INVALID_TIMESTAMP, 400);
    }

    @Test
    void expiringSecRequiresIatAndExactLifetime() {
        PublisherAuthenticator a = auth(SECRET, 300, false);
        a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"iat\":" + NOW))), plain());
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"iat\":" + (NOW + 1)))), plain()),
                AuthFailure.INVALID_EXPIRATION, 400);
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(""))), plain()),
                AuthFailure.INVALID_TOKEN, 400);
        // without a secret iat is not required, so a missing iat counts as 0
        assertFailure(() -> auth(null, 300, false).authenticate(bearer(TestTokens.hs256("x", claims(""))), plain()),
                AuthFailure.INVALID_EXPIRATION, 400);
    }

    @Test
    void sizeAndMaxSizeOrEpochsAndMaxEpochsTogetherAreInconsistent() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"size\":10,\"max_size\":20"))),
                plain()), AuthFailure.INCONSISTENT_TOKEN, 400);
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"epochs\":1,\"max_epochs\":2"))),
                plain()), AuthFailure.INCONSISTENT_TOKEN, 400);
    }

    @Test
    void failedChecksDoNotConsumeTheToken() {
        PublisherAuthenticator a = auth(SECRET, 0, true);
        String token = TestTokens.hs256(SECRET, claims(",\"epochs\":3"));
        assertFailure(() -> a.authenticate(bearer(token), facts(2, Optional.empty(), 10)), AuthFailure.INVALID_EPOCHS, 400);
        a.authenticate(bearer(token), facts(3, Optional.empty(), 10));
    }

    @Test
    void verifyUploadChecksEpochsSizeAndRecipient() {
        PublisherAuthenticator a = auth(SECRET, 0, true);
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"max_epochs\":4"))),
                facts(5, Optional.empty(), 10)), AuthFailure.INVALID_EPOCHS, 400);
        a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"max_epochs\":4"))), facts(4, Optional.empty(), 10));

        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"max_size\":9"))),
                facts(1, Optional.empty(), 10)), AuthFailure.INVALID_SIZE, 400);
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"size\":11"))),
                facts(1, Optional.empty(), 10)), AuthFailure.INVALID_SIZE, 400);
        // a chunked body (no Content-Length) passes here; the handler re-checks the real length
        a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"size\":11"))),
                new UploadFacts(1, Optional.empty(), OptionalLong.empty()));

        String sendTo = ",\"send_object_to\":\"" + ADDRESS + "\"";
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(sendTo))), facts(1, Optional.empty(), 10)),
                AuthFailure.INVALID_SEND_OBJECT_TO, 400);
        assertFailure(() -> a.authenticate(bearer(TestTokens.hs256(SECRET, claims(sendTo))), facts(1, Optional.of(OTHER), 10)),
                AuthFailure.INVALID_SEND_OBJECT_TO, 400);
        a.authenticate(bearer(TestTokens.hs256(SECRET, claims(sendTo))), facts(1, Optional.of(ADDRESS), 10));
    }

    @Test
    void withoutVerifyUploadTheUploadClaimsAreNotCheckedBeforeTheBody() {
        PublisherAuthenticator a = auth(SECRET, 0, false);
        a.authenticate(bearer(TestTokens.hs256(SECRET, claims(",\"epochs\":3,\"size\":1"))), facts(7, Optional.of(OTHER), 10));
    }

    @Test
    void bodySizeIsRecheckedWheneverABearerTokenIsSent() {
        PublisherAuthenticator off = auth(null, 0, false);
        String token = TestTokens.hs256("any", claims(",\"size\":5"));
        off.checkBodySize(bearer(token), 5);
        assertFailure(() -> off.checkBodySize(bearer(token), 6), AuthFailure.INVALID_SIZE, 400);
        String max = TestTokens.hs256("any", claims(",\"max_size\":5"));
        off.checkBodySize(bearer(max), 0);
        assertFailure(() -> off.checkBodySize(bearer(max), 6), AuthFailure.INVALID_SIZE, 400);
        off.checkBodySize(null, 1_000_000);
        off.checkBodySize("Basic abc", 1_000_000);
        assertFailure(() -> off.checkBodySize(bearer("garbage"), 1), AuthFailure.INVALID_TOKEN, 400);
    }
}
