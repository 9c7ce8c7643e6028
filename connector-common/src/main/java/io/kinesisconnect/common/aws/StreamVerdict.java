package io.kinesisconnect.common.aws;

import java.util.List;

/** What validate() learned when it asked Kinesis about the streams a config names. */
public sealed interface StreamVerdict {

    /** Kinesis answered: these streams do not exist (empty when all do). */
    record Checked(List<String> missing) implements StreamVerdict {}

    /**
     * The AWS settings cannot build a client, or Kinesis rejected the credentials: a field error on
     * the credentials key.
     */
    record CredentialsRejected(String message) implements StreamVerdict {}

    /**
     * Kinesis could not be asked (the endpoint did not answer, or failed): the check is skipped
     * with a warning, since the worker's tasks may still reach it later.
     */
    record Unreachable(String reason) implements StreamVerdict {}
}
