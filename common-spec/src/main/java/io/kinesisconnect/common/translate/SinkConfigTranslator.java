package io.kinesisconnect.common.translate;

import io.kinesisconnect.common.keys.KplConfigKeys;
import io.kinesisconnect.common.keys.SinkKeys;
import io.kinesisconnect.common.keys.StreamRouting;
import io.kinesisconnect.common.spec.ClientProperty;
import io.kinesisconnect.common.spec.Diagnostics;
import io.kinesisconnect.common.spec.EgressSpec;
import io.kinesisconnect.common.spec.Origin;
import io.kinesisconnect.common.spec.Secret;
import io.kinesisconnect.common.text.DidYouMean;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the sink-specific keys of an egress: topics, outstanding-record bound and KPL settings.
 */
final class SinkConfigTranslator {
    private final Diagnostics diagnostics;
    private final Map<String, List<String>> cliTopics;
    private final AwsSettingsTranslator aws;

    SinkConfigTranslator(
            Diagnostics diagnostics,
            Map<String, List<String>> cliTopics,
            AwsSettingsTranslator aws) {
        this.diagnostics = diagnostics;
        this.cliTopics = cliTopics;
        this.aws = aws;
    }

    void translate(String connector, EgressSpec egress, Map<String, String> config) {
        topics(egress).ifPresent(t -> config.put(SinkKeys.TOPICS, String.join(",", t)));
        // A StateFun egress message names its own stream, so a record's header does in Connect;
        // x-kafka-connect.config may set kinesis.stream as the fallback, or another routing.
        config.put(SinkKeys.STREAM_ROUTING, StreamRouting.HEADER.configValue());
        config.put(
                SinkKeys.MAX_OUTSTANDING_RECORDS, Integer.toString(egress.maxOutstandingRecords()));
        for (ClientProperty p : egress.clientProperties()) {
            kpl(connector, p, config);
        }
    }

    private Optional<List<String>> topics(EgressSpec egress) {
        List<String> topics = cliTopics.getOrDefault(egress.id(), egress.extension().topics());
        Origin o = egress.origin();
        if (topics.isEmpty()) {
            diagnostics.error(
                    o.file(),
                    o.path(),
                    o.line(),
                    "egress '"
                            + egress.id()
                            + "' has no topics to read: a Connect sink reads Kafka topics, so name them with --topics "
                            + egress.id()
                            + "=topic1,topic2 or in the spec as x-kafka-connect: {topics: [topic1, topic2]}");
            return Optional.empty();
        }
        boolean ok = true;
        for (String topic : topics) {
            Optional<String> problem = TopicTemplate.checkTopic(topic);
            problem.ifPresent(
                    p ->
                            diagnostics.error(
                                    o.file(),
                                    o.path(),
                                    o.line(),
                                    "egress '" + egress.id() + "': topic " + p));
            ok &= problem.isEmpty();
        }
        return ok ? Optional.of(topics) : Optional.empty();
    }

    private void kpl(String connector, ClientProperty p, Map<String, String> config) {
        Origin o = p.origin();
        if (!KplConfigKeys.KEYS.containsKey(p.key())) {
            diagnostics.error(
                    o.file(),
                    o.path(),
                    o.line(),
                    "'"
                            + p.key()
                            + "' is not a KPL configuration key."
                            + DidYouMean.hint(p.key(), KplConfigKeys.KEYS.keySet())
                            + " An egress takes Kinesis Producer Library keys: "
                            + String.join(", ", KplConfigKeys.KEYS.keySet()));
            return;
        }
        String owner = KplConfigKeys.OWNED_BY_SHARED.get(p.key());
        String key = owner != null ? owner : SinkKeys.KPL_PREFIX + p.key();
        Optional<String> problem = KplConfigKeys.check(p.key(), p.value());
        if (problem.isPresent()) {
            String shown = SecretMasker.isSecret(key) ? Secret.MASK : p.value();
            diagnostics.error(
                    o.file(),
                    o.path(),
                    o.line(),
                    "KPL setting '" + p.key() + "' " + problem.get() + ", found '" + shown + "'");
        } else if (SecretMasker.isSecret(key)) {
            aws.putSecret(connector, key, new Secret(p.value()), config);
        } else {
            config.put(key, p.value().trim());
        }
    }
}
