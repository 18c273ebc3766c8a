package io.videostream.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pickles of other protocols, as python3's pickle.dumps wrote them. */
class PickleReaderTest {
    private final PickleReader reader = new PickleReader(1 << 20);

    /** pickle.dumps({'label': 'person', 'box': (10, 20, 110, 220), 'score': 0.5, 'n': None, 'raw': b'ab', 'ok': True, 'big': 2**40}, protocol=3) */
    private static final String PROTOCOL_3 = "80037d71002858050000006c6162656c71015806000000706572736f6e71025803000000626f787103284b0a4b144b6e4bdc747104580500000073636f72657105473fe000000000000058010000006e71064e5803000000726177710743026162710858020000006f6b7109885803000000626967710a8a06000000000001752e";
    /** the same with protocol=5 */
    private static final String PROTOCOL_5 = "8005955c000000000000007d94288c056c6162656c948c06706572736f6e948c03626f7894284b0a4b144b6e4bdc74948c0573636f726594473fe00000000000008c016e944e8c037261779443026162948c026f6b94888c03626967948a06000000000001752e";
    /** the same without 'raw' with protocol=2 */
    private static final String PROTOCOL_2 = "80027d71002858050000006c6162656c71015806000000706572736f6e71025803000000626f787103284b0a4b144b6e4bdc747104580500000073636f72657105473fe000000000000058010000006e71064e58020000006f6b710788580300000062696771088a06000000000001752e";
    /** protocol 2 with the bytes: Python 2 compatible bytes need a call to _codecs.encode */
    private static final String PROTOCOL_2_BYTES = "80027d71002858050000006c6162656c71015806000000706572736f6e71025803000000626f787103284b0a4b144b6e4bdc747104580500000073636f72657105473fe000000000000058010000006e71064e58030000007261777107635f636f646563730a656e636f64650a710858020000006162710958060000006c6174696e31710a86710b52710c58020000006f6b710d885803000000626967710e8a06000000000001752e";

    @Test
    void readsProtocols2To5KeepingDictOrder() throws Exception {
        for (String hex : List.of(PROTOCOL_3, PROTOCOL_5)) {
            @SuppressWarnings("unchecked")
            Map<Object, Object> value = (Map<Object, Object>) reader.read(HexFormat.of().parseHex(hex), "meta");
            assertThat(value.keySet()).containsExactly("label", "box", "score", "n", "raw", "ok", "big");
            assertThat(value.get("box")).isEqualTo(List.of(10L, 20L, 110L, 220L));
            assertThat((byte[]) value.get("raw")).containsExactly('a', 'b');
            assertThat(value).containsEntry("score", 0.5).containsEntry("ok", true).containsEntry("big", 1L << 40)
                    .containsEntry("n", null).containsEntry("label", "person");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> old = (Map<Object, Object>) reader.read(HexFormat.of().parseHex(PROTOCOL_2), "meta");
        assertThat(old.keySet()).containsExactly("label", "box", "score", "n", "ok", "big");
    }

    @Test
    void protocol2BytesNeedAGlobalAndAreRefused() {
        assertThatThrownBy(() -> reader.read(HexFormat.of().parseHex(PROTOCOL_2_BYTES), "meta"))
                .isInstanceOf(UnsafePickleException.class)
                .hasMessageContaining("opcode 'c'");
    }

    /** pickle.dumps('\\ud800x', protocol=4): Python writes lone surrogates with 'surrogatepass' and reads them back. */
    @Test
    void readsEncodedLoneSurrogatesAsPythonDoes() throws Exception {
        assertThat(reader.read(HexFormat.of().parseHex("80049508000000000000008c04eda08078942e"), "meta"))
                .isEqualTo("\ud800x");
    }

    @Test
    void refusesStringsThatAreNotUtf8() {
        for (String text : List.of("c080", "e282", "41ff", "f4908080", "e080af", "80")) {
            byte[] pickle = HexFormat.of().parseHex("80048c" + String.format("%02x", text.length() / 2) + text + "2e");
            assertThatThrownBy(() -> reader.read(pickle, "meta")).as(text)
                    .isInstanceOf(WireFormatException.class).hasMessageContaining("not UTF-8");
        }
    }

    @Test
    void readsProtocol0UnicodeAsRawUnicodeEscapeAndRefusesTruncatedEscapes() throws Exception {
        assertThat(reader.read("Va\\u005cb\\u20ac\\U0001f600\\\\u0041\u00e9\n.".getBytes(StandardCharsets.ISO_8859_1), "meta"))
                .isEqualTo("a\\b\u20ac\ud83d\ude00\\\\u0041\u00e9");
        for (String escape : List.of("\\u12", "\\u12zz", "\\U00110000")) {
            assertThatThrownBy(() -> reader.read(("V" + escape + "\n.").getBytes(StandardCharsets.ISO_8859_1), "meta"))
                    .as(escape).isInstanceOf(WireFormatException.class).hasMessageContaining("escape");
        }
    }

    /** Python 3 reads Python 2 strs (STRING, BINSTRING, SHORT_BINSTRING) as ASCII. */
    @Test
    void refusesPython2StrsThatAreNotAscii() {
        assertThatThrownBy(() -> reader.read(HexFormat.of().parseHex("800255036561e92e"), "meta"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("ASCII");
    }
}
