package io.kinesisconnect.sink.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.sink.TestConfigs;
import io.kinesisconnect.sink.config.KinesisSinkConfig;
import io.kinesisconnect.sink.record.InvalidRecordException;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class PartitionKeyStrategyTest {

    private static SinkRecord record(int partition, Object key, Object value) {
        return new SinkRecord("orders", partition, null, key, null, value, 0);
    }

    private static PartitionKeyStrategy strategy(String... keyValues) {
        return PartitionKeyStrategy.from(TestConfigs.config(keyValues));
    }

    @Test
    void recordKeyIsThePartitionKey() {
        assertThat(strategy().partitionKey(record(0, "customer-1", "v"))).isEqualTo("customer-1");
        assertThat(strategy().partitionKey(record(0, new byte[] {0x01, 0x02}, "v")))
                .isEqualTo("AQI=");
    }

    @Test
    void nullAndEmptyKeysUseTheKafkaPartitionByDefault() {
        assertThat(strategy().partitionKey(record(3, null, "v"))).isEqualTo("3");
        assertThat(strategy().partitionKey(record(2, "", "v"))).isEqualTo("2");
    }

    @Test
    void nullKeyCanFailTheRecordOrGetARandomKey() {
        PartitionKeyStrategy failing = strategy(KinesisSinkConfig.NULL_KEY_CONFIG, "fail");
        assertThatThrownBy(() -> failing.partitionKey(record(0, null, "v")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("kinesis.partition.key.null.behavior is fail");
        PartitionKeyStrategy random = strategy(KinesisSinkConfig.NULL_KEY_CONFIG, "random");
        assertThat(random.partitionKey(record(0, null, "v")))
                .isNotEqualTo(random.partitionKey(record(0, null, "v")));
    }

    @Test
    void headerSuppliesTheKey() {
        PartitionKeyStrategy s =
                strategy(
                        KinesisSinkConfig.PARTITION_KEY_SOURCE_CONFIG, "header",
                        KinesisSinkConfig.PARTITION_KEY_HEADER_CONFIG, "pk");
        SinkRecord r = record(1, "ignored", "v");
        r.headers().addString("pk", "from-header");
        assertThat(s.partitionKey(r)).isEqualTo("from-header");
        assertThat(s.partitionKey(record(1, "ignored", "v"))).as("no header").isEqualTo("1");
    }

    @Test
    void fieldOfStructOrMapSuppliesTheKey() {
        PartitionKeyStrategy s =
                strategy(
                        KinesisSinkConfig.PARTITION_KEY_SOURCE_CONFIG, "field",
                        KinesisSinkConfig.PARTITION_KEY_FIELD_CONFIG, "customer.id");
        Schema customer = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        Schema order = SchemaBuilder.struct().field("customer", customer).build();
        Struct value = new Struct(order).put("customer", new Struct(customer).put("id", 99L));
        assertThat(s.partitionKey(record(0, null, value))).isEqualTo("99");
        assertThat(s.partitionKey(record(0, null, Map.of("customer", Map.of("id", "c-1")))))
                .isEqualTo("c-1");
        assertThatThrownBy(() -> s.partitionKey(record(0, null, "a string")))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("needs a Struct or Map value");
    }

    @Test
    void randomKeysDiffer() {
        PartitionKeyStrategy s = strategy(KinesisSinkConfig.PARTITION_KEY_SOURCE_CONFIG, "random");
        assertThat(s.partitionKey(record(0, "k", "v")))
                .isNotEqualTo(s.partitionKey(record(0, "k", "v")));
    }

    @Test
    void explicitHashKeyFromHeaderIsCheckedAndPinModeSpreads() {
        ExplicitHashKeyStrategy header =
                ExplicitHashKeyStrategy.from(
                        TestConfigs.config(
                                KinesisSinkConfig.HASH_KEY_SOURCE_CONFIG, "header",
                                KinesisSinkConfig.HASH_KEY_HEADER_CONFIG, "ehk"));
        SinkRecord r = record(0, "k", "v");
        r.headers().addString("ehk", "12345");
        assertThat(header.hashKey(r)).isEqualTo("12345");
        assertThat(header.hashKey(record(0, "k", "v"))).isNull();
        SinkRecord bad = record(0, "k", "v");
        bad.headers().addString("ehk", "-1");
        assertThatThrownBy(() -> header.hashKey(bad)).isInstanceOf(InvalidRecordException.class);

        ExplicitHashKeyStrategy pin =
                ExplicitHashKeyStrategy.from(
                        TestConfigs.config(
                                KinesisSinkConfig.HASH_KEY_SOURCE_CONFIG, "pin-partition",
                                KinesisSinkConfig.HASH_KEY_PARTITIONS_CONFIG, "4"));
        assertThat(pin.hashKey(record(2, "k", "v"))).isEqualTo(HashKeySpreader.hashKey(2, 4));
        assertThat(ExplicitHashKeyStrategy.from(TestConfigs.config()).hashKey(r)).isNull();
    }
}
