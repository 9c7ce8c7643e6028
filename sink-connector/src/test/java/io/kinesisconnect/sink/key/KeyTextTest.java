package io.kinesisconnect.sink.key;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.sink.config.BytesEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class KeyTextTest {

    @Test
    void stringsStayAsTheyAre() {
        assertThat(KeyText.of("customer-7", BytesEncoding.BASE64)).isEqualTo("customer-7");
        assertThat(KeyText.of("ключ-東京", BytesEncoding.BASE64)).isEqualTo("ключ-東京");
    }

    @Test
    void nullAndEmptyKeysHaveNoText() {
        assertThat(KeyText.of(null, BytesEncoding.BASE64)).isNull();
        assertThat(KeyText.of("", BytesEncoding.BASE64)).isNull();
        assertThat(KeyText.of(new byte[0], BytesEncoding.BASE64)).isNull();
    }

    @Test
    void bytesAreEncodedNeverPrintedAsArrayIdentity() {
        byte[] key = {1, 2, (byte) 0xff};
        assertThat(KeyText.of(key, BytesEncoding.BASE64)).isEqualTo("AQL/");
        assertThat(KeyText.of(key, BytesEncoding.HEX)).isEqualTo("0102ff");
        assertThat(KeyText.of(ByteBuffer.wrap(key), BytesEncoding.BASE64)).isEqualTo("AQL/");
        assertThat(KeyText.of(key.clone(), BytesEncoding.BASE64))
                .as("equal arrays give equal keys")
                .isEqualTo(KeyText.of(key, BytesEncoding.BASE64))
                .doesNotStartWith("[B@");
    }

    @Test
    void utf8EncodingKeepsTextAndFallsBackToBase64ForInvalidUtf8() {
        assertThat(KeyText.of("abc".getBytes(StandardCharsets.UTF_8), BytesEncoding.UTF8))
                .isEqualTo("abc");
        byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28, (byte) 0xa0};
        assertThat(KeyText.of(notUtf8, BytesEncoding.UTF8)).isEqualTo("wyig");
    }

    @Test
    void keysOver256CharactersBecomeTheirSha256() {
        String longKey = "k".repeat(300);
        String text = KeyText.of(longKey, BytesEncoding.BASE64);
        assertThat(text).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(KeyText.of("k".repeat(300), BytesEncoding.BASE64)).isEqualTo(text);
        assertThat(KeyText.of("k".repeat(256), BytesEncoding.BASE64)).hasSize(256);
    }

    @Test
    void brokenUnicodeIsHashedIntoValidText() {
        String lone = "a\ud800b";
        String text = KeyText.of(lone, BytesEncoding.BASE64);
        assertThat(text).matches("[0-9a-f]{64}");
        assertThat(KeyText.of("a\ud83d\ude00b", BytesEncoding.BASE64)).isEqualTo("a😀b");
    }

    @Test
    void otherTypesGetCanonicalText() {
        assertThat(KeyText.of(42, BytesEncoding.BASE64)).isEqualTo("42");
        assertThat(KeyText.of(42L, BytesEncoding.BASE64)).isEqualTo("42");
        assertThat(KeyText.of(true, BytesEncoding.BASE64)).isEqualTo("true");
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 2);
        a.put("a", new byte[] {1});
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", new byte[] {1});
        b.put("b", 2);
        assertThat(KeyText.of(a, BytesEncoding.BASE64))
                .isEqualTo(KeyText.of(b, BytesEncoding.BASE64))
                .isEqualTo("{a=AQ==, b=2}");
        assertThat(KeyText.of(List.of(1, "x"), BytesEncoding.BASE64)).isEqualTo("[1, x]");
        Schema schema =
                SchemaBuilder.struct()
                        .field("id", Schema.INT32_SCHEMA)
                        .field("r", Schema.STRING_SCHEMA);
        Struct struct = new Struct(schema).put("id", 7).put("r", "eu");
        assertThat(KeyText.of(struct, BytesEncoding.BASE64)).isEqualTo("{id=7, r=eu}");
    }
}
