package io.kinesisconnect.source;

import java.util.regex.Pattern;

/** Kafka's rule for topic names, to reject a bad routing config before any record is read. */
final class TopicNames {

    static final String RULE =
            "topic names are 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-'";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private TopicNames() {}

    static boolean isValid(String topic) {
        return LEGAL.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }
}
