package io.kinesisconnect.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Field errors gathered during validate(), per config key, in the order they were found. */
public final class ConfigErrors {

    private ConfigErrors() {}

    /** Adds {@code message} to the errors of {@code key}. */
    public static void add(Map<String, List<String>> errors, String key, String message) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }
}
