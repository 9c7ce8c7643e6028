package io.kinesisconnect.source.efo;

import io.kinesisconnect.common.aws.KinesisNames;
import io.kinesisconnect.common.config.ConfigChoices;
import io.kinesisconnect.common.config.ConfigErrors;
import io.kinesisconnect.common.config.VisibleWhen;
import io.kinesisconnect.common.keys.SourceKeys;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The reader type and the enhanced fan-out settings: {@link #addTo} defines them, an instance reads
 * them back typed and {@link #validate}s the consumer name, which may come from the connector name.
 */
public final class EfoConfigFragment {

    public static final String GROUP_READER_TYPE = "Reader type";

    public static final String READER_TYPE_CONFIG = "kinesis.reader.type";
    public static final String READER_TYPE_DEFAULT = ReaderType.POLLING.configValue();
    private static final String READER_TYPE_DOC =
            "How tasks read shards: 'polling' (GetRecords every kinesis.get.records.interval.ms,"
                    + " sharing each shard's 2 MiB/s and 5 calls/s with every other reader of the"
                    + " stream) or 'efo' (enhanced fan-out: SubscribeToShard pushes records over"
                    + " HTTP/2 with 2 MiB/s per shard for this connector alone; billed per"
                    + " consumer-shard hour). 'efo' needs an endpoint that speaks HTTP/2.";

    public static final String CONSUMER_NAME_CONFIG = SourceKeys.EFO_CONSUMER_NAME;
    private static final String CONSUMER_NAME_DOC =
            "With kinesis.reader.type=efo: the stream consumer's name, registered on every stream"
                    + " of kinesis.streams. Empty: the connector's name. Two connectors on one"
                    + " stream need different names.";

    public static final String REGISTRATION_CONFIG = "kinesis.efo.registration";
    public static final String REGISTRATION_DEFAULT = EfoRegistration.EAGER.configValue();
    private static final String REGISTRATION_DOC =
            "With kinesis.reader.type=efo: 'eager' (the connector registers the consumer when it"
                    + " is missing and waits until it is ACTIVE; it never deregisters it, see"
                    + " 'Consumer lifecycle') or 'self-managed' (the consumer must exist already;"
                    + " validation fails when it does not).";

    public static final String MAX_AGE_CONFIG = "kinesis.efo.subscription.max.age.ms";
    public static final long MAX_AGE_DEFAULT = 290_000;
    private static final String MAX_AGE_DOC =
            "With kinesis.reader.type=efo: a shard's subscription is renewed after this long, from"
                    + " its last continuation sequence number. Kinesis ends a subscription after 5"
                    + " minutes anyway; the default renews just before that. At least 5 s: a"
                    + " subscription must live long enough for its first event.";

    /** Shows an EFO key only when kinesis.reader.type is 'efo'. */
    private static final VisibleWhen<ReaderType> EFO_ONLY =
            VisibleWhen.of(READER_TYPE_CONFIG, ReaderType.EFO);

    private final AbstractConfig config;

    public EfoConfigFragment(AbstractConfig config) {
        this.config = config;
    }

    /** Adds the reader type and the EFO keys, which are shown only with the type 'efo'. */
    public static ConfigDef addTo(ConfigDef def) {
        int order = 0;
        def.define(
                READER_TYPE_CONFIG,
                Type.STRING,
                READER_TYPE_DEFAULT,
                ConfigChoices.validator(ReaderType.class),
                Importance.MEDIUM,
                READER_TYPE_DOC,
                GROUP_READER_TYPE,
                ++order,
                Width.SHORT,
                "Reader type",
                List.of(CONSUMER_NAME_CONFIG, REGISTRATION_CONFIG, MAX_AGE_CONFIG),
                ConfigChoices.recommender(ReaderType.class));
        def.define(
                CONSUMER_NAME_CONFIG,
                Type.STRING,
                "",
                new ConsumerNameValidator(),
                Importance.MEDIUM,
                CONSUMER_NAME_DOC,
                GROUP_READER_TYPE,
                ++order,
                Width.MEDIUM,
                "EFO consumer name",
                EFO_ONLY);
        def.define(
                REGISTRATION_CONFIG,
                Type.STRING,
                REGISTRATION_DEFAULT,
                ConfigChoices.validator(EfoRegistration.class),
                Importance.MEDIUM,
                REGISTRATION_DOC,
                GROUP_READER_TYPE,
                ++order,
                Width.SHORT,
                "EFO registration",
                EFO_ONLY.offering(EfoRegistration.class));
        def.define(
                MAX_AGE_CONFIG,
                Type.LONG,
                MAX_AGE_DEFAULT,
                Range.between(5_000, 300_000),
                Importance.LOW,
                MAX_AGE_DOC,
                GROUP_READER_TYPE,
                ++order,
                Width.SHORT,
                "EFO subscription max age (ms)",
                EFO_ONLY);
        return def;
    }

    public ReaderType readerType() {
        return ConfigChoices.of(ReaderType.class, config.getString(READER_TYPE_CONFIG));
    }

    /** The consumer name: the configured one, else {@code connectorName}. */
    public String consumerName(String connectorName) {
        String configured = config.getString(CONSUMER_NAME_CONFIG);
        return configured == null || configured.isBlank() ? connectorName : configured.trim();
    }

    public EfoRegistration registration() {
        return ConfigChoices.of(EfoRegistration.class, config.getString(REGISTRATION_CONFIG));
    }

    public Duration subscriptionMaxAge() {
        return Duration.ofMillis(config.getLong(MAX_AGE_CONFIG));
    }

    /**
     * With the type 'efo' and no consumer name set, the connector's name becomes the consumer's,
     * and only here is it known: a name Kinesis would refuse is reported on the consumer key.
     *
     * @return error messages per key; empty when valid
     */
    public Map<String, List<String>> validate(Optional<String> connectorName) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (readerType() != ReaderType.EFO) {
            return errors;
        }
        String configured = config.getString(CONSUMER_NAME_CONFIG);
        if (configured != null && !configured.isBlank()) {
            return errors;
        }
        String name = connectorName.orElse("");
        if (!KinesisNames.NAME.matcher(name).matches()) {
            ConfigErrors.add(
                    errors,
                    CONSUMER_NAME_CONFIG,
                    "kinesis.efo.consumer.name is empty, so the consumer would be named after the"
                            + " connector, but the connector name '"
                            + name
                            + "' is not a valid consumer name ("
                            + KinesisNames.NAME_RULE
                            + "); set kinesis.efo.consumer.name");
        }
        return errors;
    }

    /** Accepts an empty value (the connector's name) or a valid Kinesis consumer name. */
    static final class ConsumerNameValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            String text = value == null ? "" : value.toString().trim();
            if (!text.isEmpty() && !KinesisNames.NAME.matcher(text).matches()) {
                throw new ConfigException(
                        name,
                        value,
                        "A Kinesis consumer name is " + KinesisNames.NAME_RULE + "; or empty");
            }
        }

        @Override
        public String toString() {
            return KinesisNames.NAME_RULE + "; empty for the connector's name";
        }
    }
}
