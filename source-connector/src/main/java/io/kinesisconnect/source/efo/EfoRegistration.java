package io.kinesisconnect.source.efo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Who registers the enhanced fan-out consumer with the stream. */
public enum EfoRegistration {
    /** The connector registers it when it is missing and waits until it is ACTIVE. */
    EAGER("eager"),
    /** Someone else registered it; the connector only looks it up. */
    SELF_MANAGED("self-managed");

    private final String configName;

    EfoRegistration(String configName) {
        this.configName = configName;
    }

    /** The names users write. */
    public static List<String> names() {
        return Arrays.stream(values()).map(EfoRegistration::configName).toList();
    }

    public String configName() {
        return configName;
    }

    public static EfoRegistration fromConfig(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(r -> r.configName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown registration " + value));
    }
}
