package io.kinesisconnect.testkit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProxyCountersTest {

    @Test
    void theSummaryListsRefusalsThenInjectedFaults() {
        ProxyCounters counters = new ProxyCounters();
        assertThat(counters.summary()).isEqualTo("no calls yet");

        counters.injected(Fault.INTERNAL_FAILURE, "ListStreams", 1);
        assertThat(counters.summary()).isEqualTo("injected: internal_failure 1 [ListStreams 1]");

        counters.allowed("PutRecords", "s/shardId-000000000000", 3);
        counters.refused("PutRecords", "s/shardId-000000000000", 2);
        counters.injected(Fault.DROPPED_CONNECTION, "PutRecords", 2);
        counters.injected(Fault.INTERNAL_FAILURE, "GetRecords", 4);

        assertThat(counters.summary())
                .isEqualTo(
                        "PutRecords 3/2 [s/shardId-000000000000 3/2]; injected: internal_failure 5"
                                + " [GetRecords 4, ListStreams 1]; dropped_connection 2"
                                + " [PutRecords 2]");
        assertThat(counters.injected(Fault.INTERNAL_FAILURE)).isEqualTo(5);
        assertThat(counters.injected(Fault.DROPPED_CONNECTION, "PutRecords")).isEqualTo(2);
        assertThat(counters.injected(Fault.LATENCY)).isZero();
    }

    @Test
    void bytesAddUpPerScopeAndOverTheApi() {
        ProxyCounters counters = new ProxyCounters();
        counters.bytes("PutRecords", "s/shardId-000000000000", 1_000);
        counters.bytes("PutRecords", "s/shardId-000000000001", 24);
        counters.bytes("PutRecords", "s/shardId-000000000000", 500);

        assertThat(counters.bytes("PutRecords")).isEqualTo(1_524);
        assertThat(counters.bytes("PutRecords", "s/shardId-000000000000")).isEqualTo(1_500);
        assertThat(counters.bytes("PutRecords", "s/shardId-000000000002")).isZero();
        assertThat(counters.bytes("GetRecords")).isZero();
    }
}
