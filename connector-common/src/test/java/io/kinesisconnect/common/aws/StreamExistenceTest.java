package io.kinesisconnect.common.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;

class StreamExistenceTest {

    private static KinesisException serviceError(int status, String code) {
        return (KinesisException)
                KinesisException.builder()
                        .statusCode(status)
                        .awsErrorDetails(
                                AwsErrorDetails.builder()
                                        .errorCode(code)
                                        .errorMessage(code + " (test)")
                                        .build())
                        .build();
    }

    @Test
    void theStreamsKinesisDoesNotKnowAreMissing() {
        Set<String> known = Set.of("orders");
        assertThat(StreamExistence.check(known::contains, List.of("orders", "ordrs", "audit")))
                .isEqualTo(new StreamVerdict.Checked(List.of("ordrs", "audit")));
    }

    @Test
    void rejectedCredentialsAreAVerdictNamingTheCodeAndThePermission() {
        StreamVerdict verdict =
                StreamExistence.check(
                        s -> {
                            throw serviceError(400, "UnrecognizedClientException");
                        },
                        List.of("orders"));
        assertThat(verdict)
                .isInstanceOfSatisfying(
                        StreamVerdict.CredentialsRejected.class,
                        r ->
                                assertThat(r.message())
                                        .contains(
                                                "UnrecognizedClientException",
                                                "kinesis:DescribeStreamSummary"));
    }

    @Test
    void aForbiddenAnswerWithoutACodeIsACredentialsVerdictToo() {
        assertThat(
                        StreamExistence.check(
                                s -> {
                                    throw serviceError(403, null);
                                },
                                List.of("orders")))
                .isInstanceOf(StreamVerdict.CredentialsRejected.class);
    }

    @Test
    void settingsThatCannotBuildAClientAreACredentialsVerdict() {
        assertThat(
                        StreamExistence.check(
                                Map.of(),
                                props -> {
                                    throw new IllegalArgumentException("no such provider class");
                                },
                                List.of("orders")))
                .isInstanceOfSatisfying(
                        StreamVerdict.CredentialsRejected.class,
                        r -> assertThat(r.message()).contains("no such provider class"));
    }

    @Test
    void aRegionTheSdkCannotFindInThisProcessSkipsTheCheck() {
        assertThat(
                        StreamExistence.check(
                                Map.of(),
                                props -> {
                                    throw SdkClientException.create("Unable to load region");
                                },
                                List.of("orders")))
                .isInstanceOf(StreamVerdict.Unreachable.class);
    }

    @Test
    void anEndpointThatDoesNotAnswerOrFailsSkipsTheCheck() {
        assertThat(
                        StreamExistence.check(
                                s -> {
                                    throw SdkClientException.create("Connection refused");
                                },
                                List.of("orders")))
                .isInstanceOf(StreamVerdict.Unreachable.class);
        assertThat(
                        StreamExistence.check(
                                s -> {
                                    throw serviceError(500, "InternalFailure");
                                },
                                List.of("orders")))
                .isInstanceOf(StreamVerdict.Unreachable.class);
    }
}
