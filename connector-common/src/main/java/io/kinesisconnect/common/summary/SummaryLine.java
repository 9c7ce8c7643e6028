package io.kinesisconnect.common.summary;

import java.util.regex.Pattern;

/**
 * A task's periodic summary log line, the same shape in both connectors: {@code Kinesis <connector>
 * summary task=<task>} followed by named {@code key=value} fields in the order they were added.
 * Keys are snake_case (checked, so that the two connectors cannot drift apart again); a value
 * holding a blank, {@code =} or a quote is quoted, so that each field stays one token for log
 * search.
 */
public final class SummaryLine {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final StringBuilder text;

    private SummaryLine(String connector) {
        this.text = new StringBuilder("Kinesis ").append(connector).append(" summary");
    }

    /** Starts the line of one task of the {@code connector} ("source" or "sink"). */
    public static SummaryLine of(String connector, String task) {
        return new SummaryLine(connector).add("task", task);
    }

    /** Appends {@code key=value}. */
    public SummaryLine add(String key, long value) {
        return add(key, Long.toString(value));
    }

    /** Appends {@code key=value}, quoting a value that would otherwise not be one token. */
    public SummaryLine add(String key, String value) {
        if (!SNAKE_CASE.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "Summary keys are snake_case, such as records_per_s; not '" + key + "'");
        }
        text.append(' ').append(key).append('=').append(token(value));
        return this;
    }

    /** {@code count} over {@code elapsedNanos}, per second and rounded; 0 when no time passed. */
    public static long perSecond(long count, long elapsedNanos) {
        return elapsedNanos <= 0 ? 0 : Math.round(count / (elapsedNanos / 1e9));
    }

    private static String token(String value) {
        String v = String.valueOf(value);
        boolean plain =
                !v.isEmpty()
                        && v.chars()
                                .noneMatch(c -> Character.isWhitespace(c) || c == '=' || c == '"');
        return plain ? v : '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
