package io.kinesisconnect.sink.config;

import io.kinesisconnect.common.docs.ConfigReference;
import io.kinesisconnect.common.keys.KplConfigKeys;
import java.util.Map;

/**
 * Renders the configuration reference in Markdown from the ConfigDef and the KPL key table, so the
 * docs never restate a key by hand. README.md embeds the output between {@link ConfigReference}'s
 * marker lines; a unit test fails when it is out of date.
 */
public final class ConfigDocs {

    private ConfigDocs() {}

    /** The reference: one table per group, in group order, then the KPL keys. */
    public static String markdown() {
        StringBuilder md =
                new StringBuilder(ConfigReference.markdown(KinesisSinkConfig.configDef()));
        md.append("\n#### KPL settings (`kpl.<Key>`)\n\n");
        md.append("| key | accepted values |\n|---|---|\n");
        for (Map.Entry<String, KplConfigKeys.Rule> e : KplConfigKeys.KEYS.entrySet()) {
            md.append("| `kpl.")
                    .append(e.getKey())
                    .append("` | ")
                    .append(ConfigReference.cell(e.getValue().describe()))
                    .append(" |\n");
        }
        return md.toString();
    }
}
