package io.kinesisconnect.source.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kinesisconnect.source.kinesis.ShardRef;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

    private static final String SEQUENCE =
            "49590338271490256608559692538361571095921575989136588898";

    @Test
    void partitionsAndOffsetsRoundTrip() {
        ShardRef shard = new ShardRef("orders", "shardId-000000000001");
        ShardOffset offset = new ShardOffset(SEQUENCE, 3, false);

        assertThat(SourceOffsets.readPartition(SourceOffsets.partition(shard))).isEqualTo(shard);
        assertThat(SourceOffsets.readOffset(SourceOffsets.offset(offset))).contains(offset);
    }

    @Test
    void partitionKeysIterateInTheSameOrderAsAHashMapSoStoredOffsetsAreFoundAgain() {
        Map<String, String> connectStyle = new HashMap<>();
        connectStyle.put("shard", "shardId-000000000001");
        connectStyle.put("stream", "orders");

        Map<String, String> ours =
                SourceOffsets.partition(new ShardRef("orders", "shardId-000000000001"));

        assertThat(ours.keySet()).containsExactlyElementsOf(connectStyle.keySet());
    }

    @Test
    void aNullOffsetMeansStartFromTheStartupPosition() {
        assertThat(SourceOffsets.readOffset(null)).isEmpty();
    }

    @Test
    void numbersFromJsonAreAcceptedAsSubsequences() {
        Map<String, Object> offset = new HashMap<>();
        offset.put("sequence", SEQUENCE);
        offset.put("subsequence", 7);
        assertThat(SourceOffsets.readOffset(offset)).contains(new ShardOffset(SEQUENCE, 7, false));
    }

    @Test
    void badOffsetsAreRejectedWithMessagesNamingKeyValueAndWhatIsAccepted() {
        assertThatThrownBy(() -> SourceOffsets.readOffset(Map.of("sequence", "abc")))
                .hasMessage(
                        "Invalid \"sequence\" \"abc\" in source offset; expected a Kinesis sequence number"
                                + " as a string of digits");
        assertThatThrownBy(
                        () ->
                                SourceOffsets.readOffset(
                                        Map.of("sequence", SEQUENCE, "subsequence", -1)))
                .hasMessageContaining("Invalid \"subsequence\" -1 (Integer)")
                .hasMessageContaining("expected a whole number of at least 0");
        assertThatThrownBy(
                        () ->
                                SourceOffsets.readOffset(
                                        Map.of("sequence", SEQUENCE, "finished", "yes")))
                .hasMessage(
                        "Invalid \"finished\" \"yes\" in source offset; expected true or false");
        assertThatThrownBy(() -> SourceOffsets.readOffset(Map.of("subsequence", 1)))
                .hasMessageContaining("has no \"sequence\"");
        assertThatThrownBy(() -> SourceOffsets.readOffset(Map.of("sequence", SEQUENCE, "seq", 1)))
                .hasMessageContaining("Unknown key \"seq\" in source offset");
        assertThatThrownBy(() -> SourceOffsets.readPartition(Map.of("stream", "orders")))
                .hasMessage(
                        "Invalid \"shard\" (missing) in source partition; expected a shard id such as"
                                + " shardId-000000000000");
        assertThatThrownBy(
                        () ->
                                SourceOffsets.readPartition(
                                        Map.of("stream", "bad name", "shard", "s")))
                .hasMessageContaining("Invalid \"stream\" \"bad name\"");
    }

    @Test
    void aFinishedShardNeedsNoSequence() {
        assertThat(SourceOffsets.readOffset(Map.of("finished", true)))
                .contains(new ShardOffset(null, 0, true));
    }

    @Test
    void positionsCompareSequenceNumbersAsNumbersThenSubsequences() {
        ShardOffset offset = new ShardOffset("100", 2, false);

        assertThat(offset.isBefore("100", 3)).isTrue();
        assertThat(offset.isBefore("100", 2)).isFalse();
        assertThat(offset.isBefore("99", 9)).isFalse();
        assertThat(offset.isBefore("1000", 0)).isTrue();
    }
}
