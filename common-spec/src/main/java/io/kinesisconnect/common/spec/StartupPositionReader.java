package io.kinesisconnect.common.spec;

import io.kinesisconnect.common.text.DidYouMean;
import io.kinesisconnect.common.text.StartupDates;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code startupPosition}; absent means latest, as in StateFun. */
final class StartupPositionReader {
    private static final List<String> TYPES = List.of("latest", "earliest", "date");

    private StartupPositionReader() {}

    static Optional<StartupPosition> read(Fields spec) {
        if (!spec.has("startupPosition")) {
            return Optional.of(new StartupPosition.Latest());
        }
        return spec.map("startupPosition").flatMap(StartupPositionReader::readType);
    }

    private static Optional<StartupPosition> readType(Fields f) {
        Optional<String> type = f.requiredString("type", "one of " + String.join(", ", TYPES));
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<StartupPosition> position;
        switch (type.get()) {
            case "latest":
                position = Optional.of(new StartupPosition.Latest());
                break;
            case "earliest":
                position = Optional.of(new StartupPosition.Earliest());
                break;
            case "date":
                position =
                        f.requiredString("date", "the date to start from").flatMap(d -> date(f, d));
                break;
            default:
                f.context()
                        .error(
                                f.path("type"),
                                f.line("type"),
                                "unknown startup position type '"
                                        + type.get()
                                        + "'; accepted: "
                                        + String.join(", ", TYPES)
                                        + "."
                                        + DidYouMean.hint(type.get(), TYPES));
                return Optional.empty();
        }
        f.reportUnknown(List.of("type", "date"), Map.of());
        return position;
    }

    private static Optional<StartupPosition> date(Fields f, String text) {
        Optional<StartupPosition> date = StartupDates.parse(text).map(StartupPosition.AtDate::new);
        if (date.isEmpty()) {
            f.context()
                    .error(
                            f.path("date"),
                            f.line("date"),
                            "'"
                                    + text
                                    + "' is not a date; accepted forms: "
                                    + StartupDates.ACCEPTED_FORMS);
        }
        return date;
    }
}
