package io.kinesisconnect.testkit.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link FaultSchedule}s from the {@code fault.*} keys of a proxy configuration file. */
final class FaultScheduleKeys {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");
    private static final Pattern WINDOW_VALUE =
            Pattern.compile(
                    "(\\d+\\s*(?:ms|s|m)?)\\s*-\\s*(\\d+\\s*(?:ms|s|m)?)(?:@([0-9.]+))?(\\s+after\\s+first\\s+call)?");

    private FaultScheduleKeys() {}

    /**
     * The schedules of one configuration-file entry: {@code key} is {@code <base>.window[.Api]} or
     * {@code <base>.every[.Api]} of {@code fault}, or the result is null.
     *
     * @throws IllegalArgumentException naming the key, the value and what is accepted
     */
    static List<FaultSchedule> parse(Fault fault, String key, String value) {
        for (String kind : List.of(FaultSchedule.WINDOW, FaultSchedule.EVERY)) {
            String prefix = fault.baseKey() + "." + kind;
            if (key.equals(prefix) || key.startsWith(prefix + ".")) {
                String api =
                        key.length() > prefix.length() ? key.substring(prefix.length() + 1) : null;
                if (api != null && api.isEmpty()) {
                    return null;
                }
                try {
                    return kind.equals(FaultSchedule.WINDOW)
                            ? windows(fault, api, value)
                            : every(fault, api, value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            key
                                    + " was '"
                                    + value
                                    + "'; it accepts "
                                    + (kind.equals(FaultSchedule.WINDOW)
                                            ? "windows after the proxy started such as 5s-8s or"
                                                    + " 500ms-2s@0.5, or after the first call of"
                                                    + " the API such as 5s-8s after first call,"
                                                    + " separated by commas"
                                            : "a whole number n of 1 or more: every n-th call")
                                    + " ("
                                    + e.getMessage()
                                    + ")");
                }
            }
        }
        return null;
    }

    private static List<FaultSchedule> windows(Fault fault, String api, String value) {
        List<FaultSchedule> windows = new ArrayList<>();
        for (String part : value.split(",")) {
            Matcher m = WINDOW_VALUE.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part.trim() + "' is not a window");
            }
            FaultSchedule.Window window =
                    FaultSchedule.during(fault, api, duration(m.group(1)), duration(m.group(2)));
            if (m.group(3) != null) {
                window = window.atRate(Double.parseDouble(m.group(3)));
            }
            windows.add(m.group(4) == null ? window : window.afterFirstCall());
        }
        return windows;
    }

    private static List<FaultSchedule> every(Fault fault, String api, String value) {
        try {
            return List.of(FaultSchedule.everyNth(fault, api, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number", e);
        }
    }

    /** {@code 5s}, {@code 500ms}, {@code 2m}, or a bare number of seconds. */
    private static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.replace(" ", "").toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
