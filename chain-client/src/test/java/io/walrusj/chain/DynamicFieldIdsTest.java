package io.walrusj.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Field ids against the derivation written out byte by byte (Sui's derive_dynamic_field_id, as the devnet's ObjectIds). */
class DynamicFieldIdsTest {

    static final SuiAddress PARENT = SuiAddress.parse("0x" + "22".repeat(32));

    static SuiAddress expected(byte[] nameBcs, byte[] typeTag) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(0xf0);
        in.writeBytes(PARENT.bytes());
        for (int i = 0; i < 8; i++) {
            in.write((int) ((long) nameBcs.length >>> (8 * i)) & 0xff);
        }
        in.writeBytes(nameBcs);
        in.writeBytes(typeTag);
        return SuiAddress.of(Blake2b256.hash(in.toByteArray()));
    }

    @Test
    void u64AndBytesAndIdNames() {
        assertThat(DynamicFieldIds.derive(PARENT, ObjectSource.FieldName.u64(7)))
                .isEqualTo(expected(HexFormat.of().parseHex("0700000000000000"), new byte[] {2}));
        byte[] metadata = "metadata".getBytes(StandardCharsets.US_ASCII);
        byte[] vec = new byte[metadata.length + 1];
        vec[0] = (byte) metadata.length;
        System.arraycopy(metadata, 0, vec, 1, metadata.length);
        assertThat(DynamicFieldIds.derive(PARENT, ObjectSource.FieldName.bytes(metadata)))
                .isEqualTo(expected(vec, new byte[] {6, 1}));
        SuiAddress node = SuiAddress.parse("0x" + "a1".repeat(32));
        byte[] idTag = HexFormat.of().parseHex("07" + "00".repeat(31) + "02" + "06" + "6f626a656374" + "02" + "4944" + "00");
        assertThat(DynamicFieldIds.derive(PARENT, ObjectSource.FieldName.id(node))).isEqualTo(expected(node.bytes(), idTag));
        assertThatThrownBy(() -> DynamicFieldIds.derive(PARENT, new ObjectSource.FieldName("u128", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
