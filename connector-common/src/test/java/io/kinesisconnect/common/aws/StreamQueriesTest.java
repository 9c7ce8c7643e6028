package io.kinesisconnect.common.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

class StreamQueriesTest {

    @Test
    void listShardsFollowsEveryPageAndNamesOnlyTheTokenAfterTheFirst() {
        PagedShards kinesis =
                new PagedShards(List.of("shardId-0", "shardId-1"), List.of("shardId-2"));

        List<Shard> shards = StreamQueries.listShards(kinesis, "orders");

        assertThat(shards)
                .extracting(Shard::shardId)
                .containsExactly("shardId-0", "shardId-1", "shardId-2");
        assertThat(kinesis.requests).hasSize(2);
        assertThat(kinesis.requests.get(0).streamName()).isEqualTo("orders");
        assertThat(kinesis.requests.get(0).nextToken()).isNull();
        // Kinesis rejects a follow-up page that names the stream as well as the token.
        assertThat(kinesis.requests.get(1).streamName()).isNull();
        assertThat(kinesis.requests.get(1).nextToken()).isEqualTo("page-1");
    }

    @Test
    void aStreamExistsWhenKinesisDescribesIt() {
        assertThat(StreamQueries.exists(new Describing(null), "orders")).isTrue();
    }

    @Test
    void aStreamIsMissingWhenKinesisSaysResourceNotFound() {
        KinesisClient kinesis =
                new Describing(ResourceNotFoundException.builder().message("no orders").build());
        assertThat(StreamQueries.exists(kinesis, "orders")).isFalse();
    }

    @Test
    void anyOtherFailureReachesTheCaller() {
        KinesisException denied =
                (KinesisException)
                        KinesisException.builder().statusCode(403).message("denied").build();
        assertThatThrownBy(() -> StreamQueries.exists(new Describing(denied), "orders"))
                .isSameAs(denied);
    }

    /** Answers ListShards with one page per list of shard ids, each but the last with a token. */
    private static final class PagedShards implements KinesisClient {
        private final List<List<String>> pages;
        private final List<ListShardsRequest> requests = new ArrayList<>();

        @SafeVarargs
        PagedShards(List<String>... pages) {
            this.pages = List.of(pages);
        }

        @Override
        public ListShardsResponse listShards(ListShardsRequest request) {
            requests.add(request);
            int page = requests.size() - 1;
            List<Shard> shards =
                    pages.get(page).stream()
                            .map(id -> Shard.builder().shardId(id).build())
                            .toList();
            String next = page + 1 < pages.size() ? "page-" + (page + 1) : null;
            return ListShardsResponse.builder().shards(shards).nextToken(next).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }

    /** Answers DescribeStreamSummary, or throws the given failure. */
    private static final class Describing implements KinesisClient {
        private final RuntimeException failure;

        Describing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public DescribeStreamSummaryResponse describeStreamSummary(
                DescribeStreamSummaryRequest request) {
            if (failure != null) {
                throw failure;
            }
            return DescribeStreamSummaryResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {}
    }
}
