package io.kinesisconnect.common.aws;

import static io.kinesisconnect.common.aws.KinesisErrorCodes.ErrorClass.CREDENTIALS;
import static io.kinesisconnect.common.aws.KinesisErrorCodes.ErrorClass.INVALID_REQUEST;
import static io.kinesisconnect.common.aws.KinesisErrorCodes.ErrorClass.THROTTLED;
import static io.kinesisconnect.common.aws.KinesisErrorCodes.ErrorClass.TRANSIENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KinesisErrorCodesTest {

    @Test
    void limitsAreThrottles() {
        assertThat(KinesisErrorCodes.classify(400, "ProvisionedThroughputExceededException"))
                .isEqualTo(THROTTLED);
        assertThat(KinesisErrorCodes.classify(400, "LimitExceededException")).isEqualTo(THROTTLED);
        assertThat(KinesisErrorCodes.classify(0, "KMSThrottlingException")).isEqualTo(THROTTLED);
    }

    @Test
    void rejectedCredentialsAndA403AreCredentialErrors() {
        assertThat(KinesisErrorCodes.classify(400, "ExpiredTokenException")).isEqualTo(CREDENTIALS);
        assertThat(KinesisErrorCodes.classify(400, "KMSAccessDeniedException"))
                .isEqualTo(CREDENTIALS);
        assertThat(KinesisErrorCodes.classify(403, null)).isEqualTo(CREDENTIALS);
    }

    @Test
    void badRequestsAreInvalidAndEverythingElseIsTransient() {
        assertThat(KinesisErrorCodes.classify(400, "InvalidArgumentException"))
                .isEqualTo(INVALID_REQUEST);
        assertThat(KinesisErrorCodes.classify(0, "ValidationException")).isEqualTo(INVALID_REQUEST);
        assertThat(KinesisErrorCodes.classify(500, "InternalFailure")).isEqualTo(TRANSIENT);
        assertThat(KinesisErrorCodes.classify(503, "ServiceUnavailable")).isEqualTo(TRANSIENT);
        assertThat(KinesisErrorCodes.classify(0, null)).isEqualTo(TRANSIENT);
    }

    @Test
    void theCredentialsExplanationNamesTheCodeThePermissionsAndWhereToLook() {
        assertThat(
                        KinesisErrorCodes.explainCredentials(
                                "AccessDeniedException", "kinesis:PutRecords"))
                .contains(
                        "AccessDeniedException", "kinesis:PutRecords", "aws.credentials.provider");
    }
}
