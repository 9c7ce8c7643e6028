package io.kinesisconnect.sink.key;

import io.kinesisconnect.sink.config.BytesEncoding;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Turns any key object into a valid Kinesis partition key, deterministically: the same object gives
 * the same text in every task and every run.
 *
 * <ul>
 *   <li>strings as they are; binary keys per {@link BytesEncoding};
 *   <li>numbers and booleans in Java's canonical text;
 *   <li>Structs as {@code {field=value, ...}} in schema order, Maps sorted by key, Lists in order;
 *   <li>text longer than 256 characters, or not valid Unicode, becomes the hex SHA-256 of its UTF-8
 *       (or, for broken text, UTF-16) bytes.
 * </ul>
 */
public final class KeyText {

    /** The Kinesis limit on partition key length, in characters. */
    public static final int MAX_LENGTH = 256;

    private KeyText() {}

    /** The partition key text for {@code key}, or null when the key is null or empty. */
    public static String of(Object key, BytesEncoding encoding) {
        if (key == null) {
            return null;
        }
        String text = render(key, encoding);
        if (text.isEmpty()) {
            return null;
        }
        if (!isWellFormed(text)) {
            return sha256Hex(text.getBytes(StandardCharsets.UTF_16BE));
        }
        return text.length() > MAX_LENGTH ? sha256Hex(text.getBytes(StandardCharsets.UTF_8)) : text;
    }

    /** Canonical text of a key object, before the length limit applies. */
    static String render(Object key, BytesEncoding encoding) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof byte[] bytes) {
            return bytes(bytes, encoding);
        }
        if (key instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes(bytes, encoding);
        }
        if (key instanceof Struct struct) {
            StringBuilder sb = new StringBuilder("{");
            for (Field field : struct.schema().fields()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(field.name()).append('=').append(nested(struct.get(field), encoding));
            }
            return sb.append('}').toString();
        }
        if (key instanceof Map<?, ?> map) {
            Map<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(nested(k, encoding), nested(v, encoding)));
            return sorted.toString();
        }
        if (key instanceof List<?> list) {
            return list.stream().map(v -> nested(v, encoding)).toList().toString();
        }
        return key.toString();
    }

    private static String nested(Object value, BytesEncoding encoding) {
        return value == null ? "null" : render(value, encoding);
    }

    private static String bytes(byte[] bytes, BytesEncoding encoding) {
        return switch (encoding) {
            case BASE64 -> Base64.getEncoder().encodeToString(bytes);
            case HEX -> HexFormat.of().formatHex(bytes);
            case UTF8 -> utf8OrBase64(bytes);
        };
    }

    private static String utf8OrBase64(byte[] bytes) {
        try {
            CharBuffer chars =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return Base64.getEncoder().encodeToString(bytes);
        }
    }

    /**
     * Whether every surrogate in {@code s} is part of a pair, so it encodes to UTF-8 losslessly.
     */
    static boolean isWellFormed(String s) {
        // codePoints() yields an unpaired surrogate as a code point of its own
        return s.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
