package io.kinesisconnect.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JmxNamesTest {

    @Test
    void plainValuesStayUnquotedAndKeysKeepTheirOrder() {
        ObjectName name = JmxNames.of("kinesis-source-task", "connector", "orders", "task", "0");

        assertThat(name.toString())
                .isEqualTo("io.kinesisconnect:type=kinesis-source-task,connector=orders,task=0");
        assertThat(name.getKeyPropertyListString())
                .isEqualTo("type=kinesis-source-task,connector=orders,task=0");
    }

    @Test
    void everyReservedCharacterIsQuotedAndReadsBackUnchanged() {
        for (String connector :
                new String[] {"a,b", "a=b", "a:b", "a*", "a?", "say \"hi\"", "a\nb"}) {
            ObjectName name =
                    JmxNames.of("kinesis-source-task", "connector", connector, "task", "1");

            assertThat(name.getKeyProperty("connector")).startsWith("\"");
            assertThat(ObjectName.unquote(name.getKeyProperty("connector"))).isEqualTo(connector);
            assertThat(name.isPattern()).as("%s must not turn into a pattern", connector).isFalse();
            assertThat(name.getKeyProperty("task")).isEqualTo("1");
        }
    }

    @Test
    void charactersObjectNameAllowsStayAsTheyAre() {
        assertThat(JmxNames.value("my-connector.v2_x/y shard"))
                .isEqualTo("my-connector.v2_x/y shard");
        assertThat(JmxNames.value("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void aPatternFindsEveryBeanOfAType() {
        ObjectName pattern = JmxNames.pattern("kinesis-source-shard");

        assertThat(pattern.apply(JmxNames.of("kinesis-source-shard", "connector", "c,d"))).isTrue();
        assertThat(pattern.apply(JmxNames.of("kinesis-source-task", "connector", "c"))).isFalse();
    }

    @Test
    void aMissingValueIsRefusedWithItsKey() {
        assertThatThrownBy(() -> JmxNames.of("kinesis-source-task", "connector", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'connector'");
        assertThatThrownBy(() -> JmxNames.of("kinesis-source-task", "connector"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
