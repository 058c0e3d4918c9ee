package io.walrusj.encoder.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.encoder.api.DaemonException;
import io.walrusj.encoder.api.FrameworkRejection;
import org.junit.jupiter.api.Test;

class PublisherQueryTest {
    static final String ADDRESS = "0x1111111111111111111111111111111111111111111111111111111111111111";
    static final SuiAddress WALLET = SuiAddress.parseLenient("0x77");

    static StoreRequest store(String query) {
        return StoreRequest.of(PublisherQuery.parse(query), 53, WALLET);
    }

    static void assertRejected(String query) {
        assertThatThrownBy(() -> PublisherQuery.parse(query)).as(query).isInstanceOf(FrameworkRejection.class);
    }

    static void assertJson400(String query, String reason) {
        assertThatThrownBy(() -> store(query)).as(query).isInstanceOfSatisfying(DaemonException.class, e -> {
            assertThat(e.status().http()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    @Test
    void defaultsAreOneEpochDeletableNotForced() {
        assertThat(store(null)).isEqualTo(new StoreRequest(1, true, false));
        assertThat(store("")).isEqualTo(new StoreRequest(1, true, false));
        assertThat(store("epochs=11&permanent=true&force=true")).isEqualTo(new StoreRequest(11, false, true));
        assertThat(store("deletable=true&reuse_resources=true&encoding_type=RS2&quilt_version=V1&share=false"))
                .isEqualTo(new StoreRequest(1, true, false));
        assertThat(store("send_object_to=0x77")).isEqualTo(new StoreRequest(1, true, false));
        assertThat(PublisherQuery.parse("send_object_to=" + ADDRESS).sendObjectTo())
                .contains(SuiAddress.parseLenient(ADDRESS));
    }

    @Test
    void frameworkRejectionsForUnknownRepeatedOrIllTypedParameters() {
        assertRejected("unknown=1");
        assertRejected("epochs=abc");
        assertRejected("epochs=-1");
        assertRejected("epochs=4294967296");
        assertRejected("epochs=1&epochs=2");
        assertRejected("permanent=yes");
        assertRejected("force=1");
        assertRejected("encoding_type=RS3");
        assertRejected("send_object_to=nothex");
        assertRejected("share=true&send_object_to=" + ADDRESS);
        assertRejected("send_object_to=" + ADDRESS + "&share=false");
        assertRejected("share=false&share=true");
        assertRejected("epochs=%zz");
    }

    @Test
    void handlerChecksAreJson400s() {
        assertJson400("permanent=true&deletable=true", "INVALID_BLOB_PERSISTENCE");
        assertJson400("encoding_type=RedStuffRaptorQ", "MALFORMED_REQUEST");
        assertJson400("epochs=0", "MALFORMED_REQUEST");
        assertJson400("epochs=54", "MALFORMED_REQUEST");
        assertJson400("share=true", StoreRequest.UNSUPPORTED_POST_STORE_ACTION);
        assertJson400("send_object_to=" + ADDRESS, StoreRequest.UNSUPPORTED_POST_STORE_ACTION);
        assertThat(store("epochs=53").epochs()).isEqualTo(53);
    }
}
