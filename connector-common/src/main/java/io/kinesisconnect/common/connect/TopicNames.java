package io.kinesisconnect.common.connect;

import java.util.regex.Pattern;

/**
 * Kafka's rule for topic names, to reject a bad routing config (source) or topic template
 * (translator) before any record is read.
 */
public final class TopicNames {

    public static final String RULE =
            "topic names are 1 to 249 characters of a-z, A-Z, 0-9, '.', '_' and '-'";
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private TopicNames() {}

    public static boolean isValid(String topic) {
        return LEGAL.matcher(topic).matches() && !topic.equals(".") && !topic.equals("..");
    }
}
