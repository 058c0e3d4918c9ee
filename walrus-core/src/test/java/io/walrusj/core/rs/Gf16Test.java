package io.walrusj.core.rs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Gf16Test {

    @Test
    void tablesMatchTheCrateByHash() throws Exception {
        assertThat(sha256(Gf16.LOG)).isEqualTo("c7eafc7e425f44aa8c3cf82dee5f4b3e50a710844082c0f1adcd4b95d4330c1f");
        assertThat(sha256(Gf16.EXP)).isEqualTo("2016ee0982f33f3b6d46fc5731540a073e73b2e7d093ba82e1998364d9dafcd5");
        assertThat(sha256(Gf16.SKEW)).isEqualTo("386153e81df25ed50a4be744fc292281790994bf3472076e6bed4e65463c3949");
    }

    @Test
    void spotValues() {
        assertThat(Gf16.log(2)).isEqualTo(21845);
        assertThat(Gf16.exp(1)).isEqualTo(0x4690);
        assertThat(Gf16.exp(65534)).isEqualTo(0x2646);
        assertThat(Gf16.mul(2, 3)).isEqualTo(1);
        assertThat(Gf16.mul(2, 2)).isEqualTo(3);
        assertThat(Gf16.mul(0x1234, 0x5678)).isEqualTo(0x35C9);
        assertThat(Gf16.mul(0xFFFF, 0xFFFF)).isEqualTo(0x8000);
        assertThat(Gf16.mul(0, 0x1234)).isZero();
        int[] skew = {65535, 65535, 21845, 65535, 17476, 21845, 34952, 65535};
        for (int i = 0; i < skew.length; i++) {
            assertThat((int) Gf16.SKEW[i]).as("SKEW[%d]", i).isEqualTo(skew[i]);
        }
        assertThat((int) Gf16.SKEW[65534]).isEqualTo(43173);
    }

    @Test
    void multiplicationIsCommutativeAndDistributive() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            int a = random.nextInt(65536);
            int b = random.nextInt(65536);
            int c = random.nextInt(65536);
            assertThat(Gf16.mul(a, b)).isEqualTo(Gf16.mul(b, a));
            assertThat(Gf16.mul(a, b ^ c)).isEqualTo(Gf16.mul(a, b) ^ Gf16.mul(a, c));
        }
    }

    private static String sha256(char[] table) throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(table.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (char c : table) {
            buf.putChar(c);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
    }
}
