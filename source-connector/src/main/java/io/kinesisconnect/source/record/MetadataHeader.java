package io.kinesisconnect.source.record;

import io.kinesisconnect.common.keys.SourceKeys;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata headers a user can choose with {@code kinesis.headers}, by their config name; {@link
 * RecordConverter} writes the matching {@link KinesisHeaders} header.
 */
public enum MetadataHeader {
    STREAM("stream"),
    SHARD("shard"),
    SEQUENCE("sequence"),
    SUBSEQUENCE("subsequence"),
    ARRIVAL("arrival"),
    VALUE_TYPE(SourceKeys.HEADER_VALUE_TYPE);

    private final String configName;

    MetadataHeader(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** Every config name, in declaration order. */
    public static List<String> configNames() {
        return Arrays.stream(values()).map(MetadataHeader::configName).toList();
    }

    /** The header named {@code name} in a config (trimmed, any case). */
    public static Optional<MetadataHeader> fromConfig(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(h -> h.configName.equals(wanted)).findFirst();
    }

    /**
     * The headers named in a config list.
     *
     * @throws IllegalArgumentException for a name that is not one of {@link #configNames()}
     */
    public static Set<MetadataHeader> parse(List<String> names) {
        Set<MetadataHeader> headers = EnumSet.noneOf(MetadataHeader.class);
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            headers.add(
                    fromConfig(name)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "Unknown header '"
                                                            + name.trim()
                                                            + "'; accepted: "
                                                            + String.join(", ", configNames()))));
        }
        return headers;
    }
}
