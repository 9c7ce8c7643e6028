package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class CborTranscoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORMapper CBOR = new CBORMapper();
    private static final CborTranscoder TRANSCODER = new CborTranscoder(JSON);

    /** 2024-11-29T17:06:40.123Z. */
    private static final long MILLIS = 1_732_900_000_123L;

    @Test
    void aPutRecordsRequestsBlobsBecomeBase64AndEveryOtherMemberStays() throws IOException {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] request =
                cbor(
                        g -> {
                            g.writeStartObject();
                            g.writeStringField("StreamName", "orders");
                            g.writeArrayFieldStart("Records");
                            for (int i = 0; i < 2; i++) {
                                g.writeStartObject();
                                g.writeFieldName("Data");
                                g.writeBinary(everyByte);
                                g.writeStringField("PartitionKey", "key-" + i);
                                g.writeEndObject();
                            }
                            g.writeEndArray();
                            g.writeEndObject();
                        });

        JsonNode json = TRANSCODER.requestToJson(request);

        assertThat(json.path("StreamName").asText()).isEqualTo("orders");
        assertThat(json.path("Records")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode entry = json.path("Records").get(i);
            assertThat(entry.path("Data").isTextual()).isTrue();
            assertThat(Base64.getDecoder().decode(entry.path("Data").asText()))
                    .isEqualTo(everyByte);
            assertThat(entry.path("PartitionKey").asText()).isEqualTo("key-" + i);
            // The limits count the same bytes as for a JSON client.
            assertThat(Payloads.recordSize(entry)).isEqualTo(256 + 5);
        }
    }

    @Test
    void aTaggedTimestampInMillisecondsBecomesEpochSecondsWithTheirFraction() throws IOException {
        byte[] request =
                cbor(
                        g -> {
                            g.writeStartObject();
                            g.writeStringField("ShardIteratorType", "AT_TIMESTAMP");
                            g.writeFieldName("Timestamp");
                            // As the SDK v2 writes an Instant: tag 1, then epoch milliseconds.
                            g.writeTag(1);
                            g.writeNumber(MILLIS);
                            g.writeEndObject();
                        });

        JsonNode json = TRANSCODER.requestToJson(request);

        assertThat(json.path("Timestamp").decimalValue())
                .isEqualByComparingTo(new BigDecimal("1732900000.123"));
        assertThat(JSON.writeValueAsString(json))
                .isEqualTo("{\"ShardIteratorType\":\"AT_TIMESTAMP\",\"Timestamp\":1732900000.123}");
    }

    @Test
    void aGetRecordsAnswerGetsByteStringsAndMillisecondsAndKeepsItsNestedLists()
            throws IOException {
        byte[] data = {0, 1, (byte) 0xFF, '\n', '"'};
        String answer =
                "{\"Records\":[{\"SequenceNumber\":\"4960\",\"ApproximateArrivalTimestamp\":1.732900000123E9,"
                        + "\"Data\":\""
                        + Base64.getEncoder().encodeToString(data)
                        + "\",\"PartitionKey\":\"k\"}],"
                        + "\"NextShardIterator\":\"AAAA\",\"MillisBehindLatest\":0,"
                        + "\"ChildShards\":[{\"ShardId\":\"shardId-000000000001\","
                        + "\"ParentShards\":[\"shardId-000000000000\"],"
                        + "\"HashKeyRange\":{\"StartingHashKey\":\"0\",\"EndingHashKey\":\"9\"}}]}";

        HttpReply reply =
                TRANSCODER.replyToCbor(
                        new HttpReply(
                                200,
                                Map.of("content-type", List.of(HttpReply.JSON)),
                                answer.getBytes(StandardCharsets.UTF_8)));

        assertThat(reply.headers())
                .containsEntry("Content-Type", List.of(CborTranscoder.CBOR))
                .doesNotContainKey("content-type");
        JsonNode cbor = CBOR.readTree(reply.body());
        JsonNode record = cbor.path("Records").get(0);
        assertThat(record.path("Data").isBinary()).isTrue();
        assertThat(record.path("Data").binaryValue()).isEqualTo(data);
        assertThat(record.path("ApproximateArrivalTimestamp").isIntegralNumber()).isTrue();
        assertThat(record.path("ApproximateArrivalTimestamp").longValue()).isEqualTo(MILLIS);
        assertThat(record.path("SequenceNumber").asText()).isEqualTo("4960");
        assertThat(cbor.path("MillisBehindLatest").isIntegralNumber()).isTrue();
        JsonNode child = cbor.path("ChildShards").get(0);
        assertThat(child.path("ParentShards").get(0).asText()).isEqualTo("shardId-000000000000");
        assertThat(child.path("HashKeyRange").path("EndingHashKey").asText()).isEqualTo("9");
    }

    @Test
    void theProxysOwnErrorAnswerKeepsItsStatusTypeAndMessageInCbor() throws IOException {
        ShardRef shard = new ShardRef("orders", "shardId-000000000000");
        HttpReply json = AwsErrors.throughputExceeded(shard);

        HttpReply reply = TRANSCODER.replyToCbor(json);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers())
                .containsEntry("x-amzn-ErrorType", List.of(AwsErrors.THROUGHPUT_EXCEEDED))
                .containsEntry("Content-Type", List.of(CborTranscoder.CBOR));
        try (CBORParser parser = new CBORFactory().createParser(reply.body())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
        }
        JsonNode body = CBOR.readTree(reply.body());
        assertThat(body.path("__type").asText()).isEqualTo(AwsErrors.THROUGHPUT_EXCEEDED);
        assertThat(body.path("message").asText()).isEqualTo(AwsErrors.shardRateExceeded(shard));
    }

    @Test
    void anAnswerThatIsNotJsonPassesAsItIs() throws IOException {
        HttpReply plain =
                new HttpReply(
                        500, Map.of(), "Internal Server Error".getBytes(StandardCharsets.UTF_8));

        assertThat(TRANSCODER.replyToCbor(plain)).isSameAs(plain);
    }

    @Test
    void aRoundTripKeepsBlobsAndTimestampsExact() throws IOException {
        JsonNode json =
                JSON.readTree(
                        "{\"Data\":\"AAEC/w==\",\"StreamCreationTimestamp\":1732900000.123,"
                                + "\"Count\":3}");

        JsonNode back =
                TRANSCODER.requestToJson(
                        TRANSCODER
                                .replyToCbor(
                                        new HttpReply(200, Map.of(), JSON.writeValueAsBytes(json)))
                                .body());

        assertThat(back.path("Data").asText()).isEqualTo("AAEC/w==");
        assertThat(back.path("StreamCreationTimestamp").decimalValue())
                .isEqualByComparingTo("1732900000.123");
        assertThat(back.path("Count").asInt()).isEqualTo(3);
    }

    @Test
    void theBlobAndTimestampMembersAreExactlyThoseOfTheKinesisModel() throws Exception {
        Set<String> blobs = new HashSet<>();
        Set<String> timestamps = new HashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Method method : KinesisClient.class.getMethods()) {
            List<Class<?>> shapes = new ArrayList<>(List.of(method.getParameterTypes()));
            shapes.add(method.getReturnType());
            for (Class<?> shape : shapes) {
                if (SdkPojo.class.isAssignableFrom(shape) && seen.add(shape)) {
                    SdkPojo builder = (SdkPojo) shape.getMethod("builder").invoke(null);
                    collect(builder.sdkFields(), blobs, timestamps, seen);
                }
            }
        }

        assertThat(blobs).isEqualTo(CborTranscoder.BLOBS);
        assertThat(timestamps).isEqualTo(CborTranscoder.TIMESTAMPS);
    }

    private static void collect(
            List<SdkField<?>> fields,
            Set<String> blobs,
            Set<String> timestamps,
            Set<Class<?>> seen) {
        for (SdkField<?> field : fields) {
            collect(field, field.locationName(), blobs, timestamps, seen);
        }
    }

    /** Walks one member; list elements and map values carry the name of their member. */
    private static void collect(
            SdkField<?> field,
            String member,
            Set<String> blobs,
            Set<String> timestamps,
            Set<Class<?>> seen) {
        MarshallingType<?> type = field.marshallingType();
        if (type == MarshallingType.SDK_BYTES) {
            blobs.add(member);
        } else if (type == MarshallingType.INSTANT) {
            timestamps.add(member);
        } else if (type == MarshallingType.SDK_POJO) {
            SdkPojo nested = field.constructor().get();
            if (seen.add(nested.getClass())) {
                collect(nested.sdkFields(), blobs, timestamps, seen);
            }
        } else if (type == MarshallingType.LIST) {
            collect(
                    field.getRequiredTrait(ListTrait.class).memberFieldInfo(),
                    member,
                    blobs,
                    timestamps,
                    seen);
        } else if (type == MarshallingType.MAP) {
            collect(
                    field.getRequiredTrait(MapTrait.class).valueFieldInfo(),
                    member,
                    blobs,
                    timestamps,
                    seen);
        }
    }

    private interface Writes {
        void to(CBORGenerator generator) throws IOException;
    }

    private static byte[] cbor(Writes writes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = new CBORFactory().createGenerator(out)) {
            writes.to(generator);
        }
        return out.toByteArray();
    }
}
