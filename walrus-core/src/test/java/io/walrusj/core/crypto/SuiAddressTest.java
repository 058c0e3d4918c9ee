package io.walrusj.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.CryptoException.Reason;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SuiAddress#parseLenient} and the BCS form; the strict parser is covered in {@link Ed25519AndSuiTest}. */
class SuiAddressTest {
    private static final String TWO = "0x" + "0".repeat(63) + "2";

    @Test
    void lenientParsingLeftPadsShortForms() {
        assertThat(SuiAddress.parseLenient("0x2")).isEqualTo(SuiAddress.parse(TWO));
        assertThat(SuiAddress.parseLenient("2")).isEqualTo(SuiAddress.parse(TWO));
        assertThat(SuiAddress.parseLenient("0X2")).isEqualTo(SuiAddress.parse(TWO));
        assertThat(SuiAddress.parseLenient("0x0")).isEqualTo(SuiAddress.of(new byte[32]));
        assertThat(SuiAddress.parseLenient("0xabc").toString()).isEqualTo("0x" + "0".repeat(61) + "abc");
        assertThat(SuiAddress.parseLenient("0xABC")).isEqualTo(SuiAddress.parseLenient("0xabc"));
        assertThat(SuiAddress.parseLenient("0x0000ff")).isEqualTo(SuiAddress.parseLenient("ff"));
        // An odd number of digits: the leading digit is the low nibble of its byte.
        assertThat(SuiAddress.parseLenient("0x1" + "00".repeat(31)).bytes()[0]).isEqualTo((byte) 0x01);
    }

    @Test
    void lenientParsingAgreesWithStrictParsingOnCanonicalText() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            String hex = HexFormat.of().formatHex(raw);
            SuiAddress expected = SuiAddress.of(raw);
            assertThat(SuiAddress.parseLenient("0x" + hex)).isEqualTo(expected);
            assertThat(SuiAddress.parseLenient(hex.toUpperCase())).isEqualTo(expected);
            assertThat(SuiAddress.parseLenient(expected.toString()).toString()).isEqualTo(expected.toString());
            // Strip leading zero digits: still the same address.
            String trimmed = hex.replaceFirst("^0+(?=.)", "");
            assertThat(SuiAddress.parseLenient("0x" + trimmed)).isEqualTo(expected);
        }
    }

    @Test
    void lenientParsingRejectsEverythingElse() {
        for (String bad : new String[] {"", "0x", "0X", "0x" + "1".repeat(65), "1".repeat(65)}) {
            assertThatThrownBy(() -> SuiAddress.parseLenient(bad)).as("'%s'", bad)
                    .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_LENGTH));
        }
        // Not hex, a second prefix, whitespace, a sign, non-ASCII digits (Character.digit would accept U+0663).
        for (String bad : new String[] {"0xg", "0x0x2", " 0x2", "0x2 ", "-0x2", "+2", "0x\u0663", "0x\uff11", "x2"}) {
            assertThatThrownBy(() -> SuiAddress.parseLenient(bad)).as("'%s'", bad)
                    .isInstanceOfSatisfying(CryptoException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_ENCODING);
                        assertThat(e.getMessage()).contains("invalid hex digit");
                    });
        }
        assertThatThrownBy(() -> SuiAddress.parseLenient(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void bcsIsTheRaw32Bytes() {
        SuiAddress a = SuiAddress.parseLenient("0x7e1b9c2d3f4a5b6c7d8e9fa0b1c2d3e4f5061728394a5b6c7d8e9fa0b1c2d3e4");
        byte[] bcs = BcsWriter.encode(a::writeBcs);
        assertThat(bcs).isEqualTo(a.bytes());
        assertThat(BcsReader.decode(bcs, SuiAddress::read)).isEqualTo(a);

        // Inside a struct: an Option<ID> after a u8.
        byte[] struct = BcsWriter.encode(w -> w.u8(9).option(a, (ww, x) -> x.writeBcs(ww)));
        assertThat(struct).hasSize(1 + 1 + 32);
        SuiAddress back = BcsReader.decode(struct, r -> {
            assertThat(r.u8()).isEqualTo(9);
            return r.option(SuiAddress::read).orElseThrow();
        });
        assertThat(back).isEqualTo(a);

        assertThatThrownBy(() -> BcsReader.decode(new byte[31], SuiAddress::read)).isInstanceOf(BcsException.class);
    }
}
