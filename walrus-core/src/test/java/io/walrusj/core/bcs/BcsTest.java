package io.walrusj.core.bcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BcsTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static String hexOf(byte[] b) {
        return HEX.formatHex(b);
    }

    private static <T> T decode(String hex, Function<BcsReader, T> reader) {
        return BcsReader.decode(hex(hex), reader);
    }

    // ------------------------------------------------------------ exact layouts

    @Test
    void exactLayouts() {
        assertThat(hexOf(BcsWriter.encode(w -> w.u8(0xab)))).isEqualTo("ab");
        assertThat(hexOf(BcsWriter.encode(w -> w.u16(0x1234)))).isEqualTo("3412");
        assertThat(hexOf(BcsWriter.encode(w -> w.u32(0x12345678L)))).isEqualTo("78563412");
        assertThat(hexOf(BcsWriter.encode(w -> w.u64(0x0102030405060708L)))).isEqualTo("0807060504030201");
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(1000)))).isEqualTo("e807");
        assertThat(hexOf(BcsWriter.encode(w -> w.string("hi")))).isEqualTo("026869");
        assertThat(hexOf(BcsWriter.encode(w -> w.option(null, BcsWriter::u8)))).isEqualTo("00");
        assertThat(hexOf(BcsWriter.encode(w -> w.option(7, BcsWriter::u8)))).isEqualTo("0107");
        assertThat(hexOf(BcsWriter.encode(w -> w.bool(true).bool(false)))).isEqualTo("0100");
        assertThat(hexOf(BcsWriter.encode(w -> w.bytes(new byte[] {1, 2, 3})))).isEqualTo("03010203");
        assertThat(hexOf(BcsWriter.encode(w -> w.bytes(new byte[] {9, 1, 2, 3, 9}, 1, 3)))).isEqualTo("03010203");
        assertThat(hexOf(BcsWriter.encode(w -> w.fixedBytes(new byte[] {1, 2, 3})))).isEqualTo("010203");
        assertThat(hexOf(BcsWriter.encode(w -> w.bytes(new byte[0])))).isEqualTo("00");
        assertThat(hexOf(BcsWriter.encode(w -> w.variant(1).fixedBytes(new byte[] {(byte) 0xaa}))))
                .isEqualTo("01aa");
        assertThat(hexOf(BcsWriter.encode(w -> w.sequence(List.of(1, 0x0203), BcsWriter::u16))))
                .isEqualTo("0201000302");
        assertThat(hexOf(BcsWriter.encode(w -> w.string("é")))).isEqualTo("02c3a9");
    }

    @Test
    void u128AndU256AreRawLittleEndian() {
        byte[] v16 = new byte[16];
        v16[0] = 1;
        byte[] v32 = new byte[32];
        v32[31] = (byte) 0x80;
        byte[] enc = BcsWriter.encode(w -> w.u128(v16).u256(v32));
        assertThat(enc).hasSize(48);
        BcsReader r = new BcsReader(enc);
        assertThat(r.u128()).isEqualTo(v16);
        assertThat(r.u256()).isEqualTo(v32);
        r.expectEnd();
        assertThatThrownBy(() -> new BcsWriter().u128(new byte[15])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcsWriter().u256(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------ round trips

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 0x7f, 0x80, 0xff})
    void u8RoundTrip(int v) {
        assertThat(BcsReader.decode(BcsWriter.encode(w -> w.u8(v)), BcsReader::u8)).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 0xff, 0x100, 0x7fff, 0x8000, 0xffff})
    void u16RoundTrip(int v) {
        byte[] b = BcsWriter.encode(w -> w.u16(v));
        assertThat(b).hasSize(2);
        assertThat(BcsReader.decode(b, BcsReader::u16)).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL})
    void u32RoundTrip(long v) {
        byte[] b = BcsWriter.encode(w -> w.u32(v));
        assertThat(b).hasSize(4);
        assertThat(BcsReader.decode(b, BcsReader::u32)).isEqualTo(v);
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1L})
    void u64RoundTrip(long v) {
        byte[] b = BcsWriter.encode(w -> w.u64(v));
        assertThat(b).hasSize(8);
        assertThat(BcsReader.decode(b, BcsReader::u64)).isEqualTo(v);
    }

    @Test
    void u64MaxIsAllOnes() {
        assertThat(hexOf(BcsWriter.encode(w -> w.u64(-1L)))).isEqualTo("ffffffffffffffff");
        assertThat(Long.toUnsignedString(decode("ffffffffffffffff", BcsReader::u64)))
                .isEqualTo("18446744073709551615");
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 1L, 127L, 128L, 16383L, 16384L, 2097151L, 2097152L, 268435455L, 268435456L,
        0x7fff_ffffL, 0xffff_ffffL})
    void ulebRoundTrip(long v) {
        byte[] b = BcsWriter.encode(w -> w.uleb128(v));
        assertThat(b).hasSize(BcsWriter.ulebSize(v));
        assertThat(BcsReader.decode(b, BcsReader::uleb128)).isEqualTo(v);
    }

    @Test
    void ulebLayouts() {
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(0)))).isEqualTo("00");
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(127)))).isEqualTo("7f");
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(128)))).isEqualTo("8001");
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(16383)))).isEqualTo("ff7f");
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(16384)))).isEqualTo("808001");
        assertThat(hexOf(BcsWriter.encode(w -> w.uleb128(0xffff_ffffL)))).isEqualTo("ffffffff0f");
        assertThat(BcsWriter.ulebSize(0)).isEqualTo(1);
        assertThat(BcsWriter.ulebSize(127)).isEqualTo(1);
        assertThat(BcsWriter.ulebSize(128)).isEqualTo(2);
        assertThat(BcsWriter.ulebSize(16384)).isEqualTo(3);
        assertThat(BcsWriter.ulebSize(0xffff_ffffL)).isEqualTo(5);
    }

    @Test
    void uleb128AsIntAcceptsUpToIntMax() {
        assertThat(decode("ffffffff07", BcsReader::uleb128AsInt)).isEqualTo(Integer.MAX_VALUE);
        assertThat(decode("e807", BcsReader::uleb128AsInt)).isEqualTo(1000);
    }

    @Test
    void boolRoundTrip() {
        assertThat(decode("01", BcsReader::bool)).isTrue();
        assertThat(decode("00", BcsReader::bool)).isFalse();
    }

    @Test
    void bytesAndStringRoundTrip() {
        byte[] big = new byte[300];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        byte[] enc = BcsWriter.encode(w -> w.bytes(big));
        assertThat(hexOf(enc)).startsWith("ac02");
        assertThat(BcsReader.decode(enc, BcsReader::bytes)).isEqualTo(big);
        assertThat(decode("00", BcsReader::bytes)).isEmpty();

        for (String s : List.of("", "hi", "héllo wörld", "\u4e2d\u6587", "\ud83d\ude00 emoji")) {
            byte[] e = BcsWriter.encode(w -> w.string(s));
            assertThat(BcsReader.decode(e, BcsReader::string)).isEqualTo(s);
            assertThat(e.length).isEqualTo(BcsWriter.ulebSize(s.getBytes(StandardCharsets.UTF_8).length)
                    + s.getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(decode("026869", BcsReader::string)).isEqualTo("hi");
    }

    @Test
    void optionRoundTrip() {
        Optional<Long> none = decode("00", r -> r.option(BcsReader::u64));
        assertThat(none).isEmpty();
        Optional<Long> some = decode("012a00000000000000", r -> r.option(BcsReader::u64));
        assertThat(some).contains(42L);
        byte[] e = BcsWriter.encode(w -> w.option("x", BcsWriter::string));
        Optional<String> str = BcsReader.decode(e, r -> r.option(BcsReader::string));
        assertThat(str).isEqualTo(Optional.of("x"));
    }

    @Test
    void sequenceRoundTrip() {
        List<Long> values = List.of(0L, 1L, -1L);
        byte[] e = BcsWriter.encode(w -> w.sequence(values, BcsWriter::u64));
        assertThat(e).hasSize(1 + 24);
        List<Long> back = BcsReader.decode(e, r -> r.sequence(BcsReader::u64));
        assertThat(back).containsExactly(0L, 1L, -1L);
        List<Integer> empty = decode("00", r -> r.sequence(BcsReader::u8));
        assertThat(empty).isEmpty();
        List<List<String>> nested = List.of(List.of("a", "bc"), List.of());
        byte[] n = BcsWriter.encode(w -> w.sequence(nested, (ww, l) -> ww.sequence(l, BcsWriter::string)));
        assertThat(hexOf(n)).isEqualTo("02" + "02" + "0161" + "026263" + "00");
        List<List<String>> nestedBack = BcsReader.decode(n, r -> r.sequence(rr -> rr.sequence(BcsReader::string)));
        assertThat(nestedBack).isEqualTo(nested);
    }

    @Test
    void variantRoundTrip() {
        int one = decode("01", r -> r.variant("Node", 2));
        int zero = decode("00", r -> r.variant("Node", 2));
        assertThat(one).isEqualTo(1);
        assertThat(zero).isEqualTo(0);
    }

    @Test
    void mapSortsByKeyBytesNotNumericOrder() {
        // u16 keys: 0x0100 = 256 encodes as 00 01, 0x0001 = 1 encodes as 01 00 -> 256 sorts first.
        Map<Integer, Boolean> m = new TreeMap<>(Map.of(1, true, 256, false, 2, true));
        byte[] e = BcsWriter.encode(w -> w.map(m, BcsWriter::u16, BcsWriter::bool));
        assertThat(hexOf(e)).isEqualTo("03" + "0001" + "00" + "0100" + "01" + "0200" + "01");
        Map<Integer, Boolean> back = BcsReader.decode(e, r -> r.map(BcsReader::u16, BcsReader::bool));
        assertThat(back).containsExactly(Map.entry(256, false), Map.entry(1, true), Map.entry(2, true));

        // String keys: length prefix first, so "b" < "aa".
        Map<String, Integer> s = new LinkedHashMap<>();
        s.put("aa", 1);
        s.put("b", 2);
        byte[] es = BcsWriter.encode(w -> w.map(s, BcsWriter::string, BcsWriter::u8));
        assertThat(hexOf(es)).isEqualTo("02" + "0162" + "02" + "026161" + "01");
        Map<String, Integer> sBack = BcsReader.decode(es, r -> r.map(BcsReader::string, BcsReader::u8));
        assertThat(sBack).containsExactly(Map.entry("b", 2), Map.entry("aa", 1));

        assertThat(hexOf(BcsWriter.encode(w -> w.map(Map.<Integer, Integer>of(), BcsWriter::u8, BcsWriter::u8))))
                .isEqualTo("00");
    }

    @Test
    void writerRejectsDuplicateMapKeyBytes() {
        List<Map.Entry<Integer, Integer>> entries = List.of(Map.entry(5, 1), Map.entry(5, 2));
        assertThatThrownBy(() -> new BcsWriter().map(entries, BcsWriter::u8, BcsWriter::u8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate map key");
    }

    @Test
    void writerRejectsOutOfRangeValues() {
        BcsWriter w = new BcsWriter();
        assertThatThrownBy(() -> w.u8(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.u8(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.u16(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.u32(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.u32(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.uleb128(0x1_0000_0000L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.uleb128(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.variant(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> w.string("bad \ud800 surrogate")).isInstanceOf(IllegalArgumentException.class);
        assertThat(w.size()).isZero();
    }

    @Test
    void writerGrowsAndReportsSize() {
        BcsWriter w = new BcsWriter(0);
        for (int i = 0; i < 10_000; i++) {
            w.u32(i);
        }
        assertThat(w.size()).isEqualTo(40_000);
        BcsReader r = new BcsReader(w.toByteArray());
        for (int i = 0; i < 10_000; i++) {
            assertThat(r.u32()).isEqualTo(i);
        }
        r.expectEnd();
    }

    @Test
    void readerOverSubRangeReportsRelativePositions() {
        byte[] data = hex("ff ff 0102 ff");
        BcsReader r = new BcsReader(data, 2, 2);
        assertThat(r.remaining()).isEqualTo(2);
        assertThat(r.u8()).isEqualTo(1);
        assertThat(r.position()).isEqualTo(1);
        assertThat(r.u8()).isEqualTo(2);
        assertThat(r.remaining()).isZero();
        assertThatThrownBy(r::u8).isInstanceOf(BcsException.class)
                .hasMessage("truncated input: needed 1 bytes at offset 2, 0 left");
    }

    // ------------------------------------------------------------ rejections

    @Test
    void rejectsTruncatedFixedBytes() {
        BcsReader r = new BcsReader(new byte[47]);
        r.fixedBytes(40);
        assertThatThrownBy(() -> r.fixedBytes(32)).isInstanceOf(BcsException.class)
                .hasMessage("truncated input: needed 32 bytes at offset 40, 7 left")
                .extracting(e -> ((BcsException) e).offset()).isEqualTo(40);
    }

    @Test
    void rejectsTruncatedIntegers() {
        assertThatThrownBy(() -> decode("01020304050607", BcsReader::u64)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input: needed 8 bytes at offset 0, 7 left");
        assertThatThrownBy(() -> decode("010203", BcsReader::u32)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input");
        assertThatThrownBy(() -> decode("01", BcsReader::u16)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input");
        assertThatThrownBy(() -> decode("", BcsReader::u8)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input");
        assertThatThrownBy(() -> decode("", BcsReader::bool)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input");
    }

    @Test
    void rejectsTruncatedBytes() {
        assertThatThrownBy(() -> decode("03 0102", BcsReader::bytes)).isInstanceOf(BcsException.class)
                .hasMessageContaining("length prefix 3 at offset 0 exceeds remaining input (2 bytes left)");
        assertThatThrownBy(() -> decode("05 6869", BcsReader::string)).isInstanceOf(BcsException.class)
                .hasMessageContaining("exceeds remaining input");
    }

    @Test
    void rejectsTruncatedUleb() {
        assertThatThrownBy(() -> decode("80 80", BcsReader::uleb128)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input: ULEB128 at offset 0 ends after 2 bytes");
        assertThatThrownBy(() -> decode("", BcsReader::bytes)).isInstanceOf(BcsException.class)
                .hasMessageContaining("truncated input");
    }

    @Test
    void hugeLengthPrefixDoesNotAllocate() {
        // Length 2^31-1 (the maximum legal length) followed by 3 bytes: must fail before allocating 2 GiB.
        assertThatThrownBy(() -> decode("ffffffff07 010203", BcsReader::bytes)).isInstanceOf(BcsException.class)
                .hasMessageContaining("length prefix 2147483647 at offset 0 exceeds remaining input (3 bytes left)");
        assertThatThrownBy(() -> decode("ffffffff07 010203", BcsReader::string)).isInstanceOf(BcsException.class)
                .hasMessageContaining("exceeds remaining input");
        // A hostile element count only costs a loop until the input runs out.
        assertThatThrownBy(() -> decode("ffffffff07 0102", r -> r.sequence(BcsReader::u8)))
                .isInstanceOf(BcsException.class).hasMessageContaining("truncated input");
        assertThatThrownBy(() -> decode("ffffffff07 0102", r -> r.map(BcsReader::u8, BcsReader::u8)))
                .isInstanceOf(BcsException.class).hasMessageContaining("truncated input");
    }

    @Test
    void rejectsLengthAboveIntMax() {
        // 2^31 is a valid u32 ULEB128 but exceeds MAX_SEQUENCE_LENGTH.
        assertThatThrownBy(() -> decode("8080808008", BcsReader::uleb128AsInt)).isInstanceOf(BcsException.class)
                .hasMessageContaining("length 2147483648 at offset 0 exceeds maximum 2147483647");
        assertThatThrownBy(() -> decode("ffffffff0f", BcsReader::bytes)).isInstanceOf(BcsException.class)
                .hasMessageContaining("exceeds maximum");
        assertThat(decode("8080808008", BcsReader::uleb128)).isEqualTo(1L << 31);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8000", "ff00", "808000", "ff8000", "80808000", "8080808000", "ffffffff00"})
    void rejectsNonCanonicalUleb(String input) {
        assertThatThrownBy(() -> decode(input, BcsReader::uleb128)).isInstanceOf(BcsException.class)
                .hasMessageContaining("non-canonical ULEB128 at offset 0");
    }

    @Test
    void nonCanonicalUlebOffsetIsReported() {
        assertThatThrownBy(() -> decode("010203 8000", r -> {
            r.fixedBytes(3);
            return r.uleb128AsInt();
        })).isInstanceOf(BcsException.class).hasMessageContaining("non-canonical ULEB128 at offset 3");
        // Inside a length prefix too.
        assertThatThrownBy(() -> decode("8100 " + "00".repeat(1), BcsReader::bytes))
                .isInstanceOf(BcsException.class).hasMessageContaining("non-canonical ULEB128");
    }

    @Test
    void canonicalMaxUlebFollowedByZeroIsTrailingByte() {
        // ff ff ff ff 0f is 2^32-1 (canonical); a following 00 is not part of the ULEB128.
        assertThatThrownBy(() -> decode("ffffffff0f00", BcsReader::uleb128)).isInstanceOf(BcsException.class)
                .hasMessageContaining("trailing bytes: 1 after offset 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8080808010", "ffffffff1f", "ffffffff7f", "ffffffff8f00", "8080808080", "ffffffffff01"})
    void rejectsUlebOverU32(String input) {
        assertThatThrownBy(() -> decode(input, BcsReader::uleb128)).isInstanceOf(BcsException.class)
                .hasMessageContaining("ULEB128 overflow at offset 0");
    }

    @Test
    void rejectsBadBool() {
        assertThatThrownBy(() -> decode("02", BcsReader::bool)).isInstanceOf(BcsException.class)
                .hasMessage("invalid bool 0x02 at offset 0 (expected 0 or 1)");
        assertThatThrownBy(() -> decode("ff", BcsReader::bool)).isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid bool 0xff");
    }

    @Test
    void rejectsBadOptionTag() {
        assertThatThrownBy(() -> decode("02 05", r -> r.option(BcsReader::u8))).isInstanceOf(BcsException.class)
                .hasMessage("invalid Option tag 0x02 at offset 0 (expected 0 or 1)");
    }

    @Test
    void rejectsUnknownVariant() {
        assertThatThrownBy(() -> decode("05", r -> r.variant("Sliver", 2))).isInstanceOf(BcsException.class)
                .hasMessageContaining("unknown variant 5 of Sliver at offset 0");
        assertThatThrownBy(() -> decode("ffffffff0f", r -> r.variant("Node", 2))).isInstanceOf(BcsException.class)
                .hasMessageContaining("unknown variant 4294967295 of Node");
        assertThatThrownBy(() -> decode("8000", r -> r.variant("Node", 2))).isInstanceOf(BcsException.class)
                .hasMessageContaining("non-canonical ULEB128");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "01 ff",           // invalid start byte
        "01 80",           // lone continuation byte
        "02 c3 28",        // bad continuation
        "01 c3",           // truncated 2-byte sequence
        "02 c0 80",        // overlong NUL
        "03 e0 80 80",     // overlong
        "03 ed a0 80",     // encoded surrogate U+D800 (CESU-8)
        "04 f4 90 80 80",  // above U+10FFFF
        "04 f8 88 80 80"   // 5-byte form
    })
    void rejectsInvalidUtf8(String input) {
        assertThatThrownBy(() -> decode(input, BcsReader::string)).isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid UTF-8")
                .hasMessageContaining("in string starting at offset 1");
    }

    @Test
    void invalidUtf8ReportsBadByteOffset() {
        assertThatThrownBy(() -> decode("04 6869 ff 69", BcsReader::string)).isInstanceOf(BcsException.class)
                .hasMessageContaining("invalid UTF-8 at offset 3");
    }

    @Test
    void rejectsMapKeysOutOfOrder() {
        // u8 keys 2 then 1.
        assertThatThrownBy(() -> decode("02 02 00 01 00", r -> r.map(BcsReader::u8, BcsReader::u8)))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("map keys not in canonical order at offset 3");
        // u16 keys in numeric order 1, 256 are NOT canonical (bytes 0100 > 0001).
        assertThatThrownBy(() -> decode("02 0100 01 0001 01", r -> r.map(BcsReader::u16, BcsReader::bool)))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("map keys not in canonical order at offset 4");
        // String keys in string order "aa", "b" are NOT canonical (length prefix first).
        assertThatThrownBy(() -> decode("02 026161 01 0162 02", r -> r.map(BcsReader::string, BcsReader::u8)))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("not in canonical order");
    }

    @Test
    void rejectsDuplicateMapKeys() {
        assertThatThrownBy(() -> decode("02 07 00 07 01", r -> r.map(BcsReader::u8, BcsReader::u8)))
                .isInstanceOf(BcsException.class)
                .hasMessageContaining("duplicate map key at offset 3");
    }

    @Test
    void rejectsTrailingBytes() {
        assertThatThrownBy(() -> decode("01 aabbcc", BcsReader::u8)).isInstanceOf(BcsException.class)
                .hasMessage("trailing bytes: 3 after offset 1");
        byte[] seventyThree = new byte[73];
        assertThatThrownBy(() -> BcsReader.decode(seventyThree, r -> r.fixedBytes(70)))
                .isInstanceOf(BcsException.class)
                .hasMessage("trailing bytes: 3 after offset 70");
        new BcsReader(new byte[0]).expectEnd();
    }

    @Test
    void structLikeRoundTrip() {
        record Thing(long id, String name, Optional<byte[]> blob, List<Integer> shards) {}
        Thing t = new Thing(-2L, "walrus", Optional.of(new byte[] {1, 2}), List.of(0, 999));
        byte[] e = BcsWriter.encode(w -> w.u64(t.id()).string(t.name())
                .option(t.blob().orElse(null), BcsWriter::bytes)
                .sequence(t.shards(), BcsWriter::u16));
        Thing back = BcsReader.decode(e, r -> new Thing(r.u64(), r.string(), r.option(BcsReader::bytes),
                r.sequence(BcsReader::u16)));
        assertThat(back.id()).isEqualTo(-2L);
        assertThat(back.name()).isEqualTo("walrus");
        assertThat(back.blob()).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
        assertThat(back.shards()).containsExactly(0, 999);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 7, 8, 100})
    void encodeWithASizeHintGivesTheSameBytesWhateverTheHint(int hint) {
        java.util.function.Consumer<BcsWriter> body = w -> w.bytes(new byte[] {1, 2, 3, 4, 5}).u16(0x0102);
        byte[] expected = BcsWriter.encode(body);
        byte[] hinted = BcsWriter.encode(hint, body);
        assertThat(hinted).isEqualTo(expected).hasSize(8);
    }
}
