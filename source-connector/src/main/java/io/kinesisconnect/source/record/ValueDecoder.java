package io.kinesisconnect.source.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.kafka.connect.data.Schema;

/**
 * Chooses the Connect value for a record's data: the bytes as they are, or a UTF-8 string. Data
 * that is not valid UTF-8 becomes a base64 string instead of being decoded with replacement
 * characters, which would silently lose bytes.
 */
final class ValueDecoder {

    /** A value, its schema, and whether it was base64-encoded because it was not UTF-8. */
    record Value(Schema schema, Object value, boolean base64) {}

    private final boolean asStrings;

    ValueDecoder(boolean asStrings) {
        this.asStrings = asStrings;
    }

    Value decode(byte[] data) {
        if (!asStrings) {
            return new Value(Schema.BYTES_SCHEMA, data, false);
        }
        try {
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(data))
                            .toString();
            return new Value(Schema.STRING_SCHEMA, text, false);
        } catch (CharacterCodingException e) {
            return new Value(Schema.STRING_SCHEMA, Base64.getEncoder().encodeToString(data), true);
        }
    }
}
