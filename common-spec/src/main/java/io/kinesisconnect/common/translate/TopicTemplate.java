package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.connect.TopicNames;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an ingress target ({@code namespace/name}) into a Kafka topic name. The default is {@code
 * ${namespace}.${name}}; templates may also use {@code ${stream}}.
 */
public final class TopicTemplate {
    public static final String DEFAULT = "${namespace}.${name}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final String template;

    private TopicTemplate(String template) {
        this.template = template;
    }

    /** The template, or the problem with it (an unknown placeholder). */
    public static Result parse(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String p = m.group(1);
            if (!p.equals("namespace") && !p.equals("name") && !p.equals("stream")) {
                return new Result(
                        Optional.empty(),
                        Optional.of(
                                "unknown placeholder ${"
                                        + p
                                        + "} in topic template '"
                                        + template
                                        + "'; use ${namespace}, ${name} and ${stream}"));
            }
        }
        return new Result(Optional.of(new TopicTemplate(template)), Optional.empty());
    }

    /** A parsed template or the reason it was rejected. */
    public record Result(Optional<TopicTemplate> template, Optional<String> problem) {}

    public String render(String namespace, String name, String stream) {
        return template.replace("${namespace}", namespace)
                .replace("${name}", name)
                .replace("${stream}", stream);
    }

    /** The problem with {@code topic} as a Kafka topic name, if any. */
    public static Optional<String> checkTopic(String topic) {
        if (!TopicNames.isValid(topic)) {
            return Optional.of(
                    "'"
                            + topic
                            + "' is not a valid Kafka topic name (1 to 249 of a-z A-Z 0-9 . _ -)");
        }
        return Optional.empty();
    }
}
