package io.kinesisconnect.common.text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code startupPosition.date} forms users write. StateFun itself only takes {@code
 * yyyy-MM-dd HH:mm:ss.SSS Z}, which rejects its own documentation's {@code 2020-02-01 04:15:00.00
 * Z}; we accept that family loosely plus ISO-8601 and epoch milliseconds.
 */
public final class StartupDates {
    public static final String ACCEPTED_FORMS =
            "'2020-02-01 04:15:00.000 +0000' (StateFun's form, with 0 to 9 fraction digits and an"
                    + " offset Z, +HHMM or +HH:MM), ISO-8601 such as '2020-02-01T04:15:00Z', or"
                    + " epoch milliseconds such as 1580530500000";

    private static final Pattern STATEFUN_FORM =
            Pattern.compile(
                    "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{0,9}))?"
                            + "\\s*(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,18}");

    private StartupDates() {}

    /** The instant {@code text} denotes, or empty when it is in none of the accepted forms. */
    public static Optional<Instant> parse(String text) {
        String s = text.trim();
        try {
            if (EPOCH_MILLIS.matcher(s).matches()) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
            }
            Matcher m = STATEFUN_FORM.matcher(s);
            if (m.matches()) {
                return Optional.of(OffsetDateTime.parse(toIso(m)).toInstant());
            }
            return Optional.of(
                    OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String toIso(Matcher m) {
        String fraction = m.group(3) == null || m.group(3).isEmpty() ? "" : "." + m.group(3);
        String offset = m.group(4);
        if (offset.length() == 5) {
            offset = offset.substring(0, 3) + ":" + offset.substring(3);
        }
        return m.group(1) + "T" + m.group(2) + fraction + offset;
    }
}
