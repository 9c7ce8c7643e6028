package io.kinesisconnect.common.metrics;

import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The JMX names of both connectors' beans, built one way: domain {@value #DOMAIN}, the key {@code
 * type} first, then the keys in the order given, each value quoted with {@link ObjectName#quote}
 * only when it has to be (it contains one of {@code , = : * ? "} or a newline), so the common name
 * {@code connector=orders} stays readable and a name such as {@code a,b} still yields a valid,
 * unambiguous bean name {@code connector="a,b"}.
 */
public final class JmxNames {

    /** The domain of every bean of this project. */
    public static final String DOMAIN = "io.kinesisconnect";

    /** The key of the connector's name in every task and shard bean of both connectors. */
    public static final String CONNECTOR = "connector";

    /** The key of the task's number in every task and shard bean of both connectors. */
    public static final String TASK = "task";

    private static final Pattern NEEDS_QUOTES = Pattern.compile("[,=:*?\"\\n]");

    private JmxNames() {}

    /**
     * A value as it appears in a bean name.
     *
     * @return {@code value} unchanged, or quoted when it holds a character ObjectName reserves
     */
    public static String value(String value) {
        return NEEDS_QUOTES.matcher(value).find() ? ObjectName.quote(value) : value;
    }

    /**
     * A bean name of this project's domain.
     *
     * @param type the bean type, such as {@code kinesis-source-shard}
     * @param keysAndValues alternating key and value, in the order they should appear
     * @throws IllegalArgumentException when a value is missing or the keys do not pair up
     */
    public static ObjectName of(String type, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "Keys and values must pair up: " + keysAndValues.length);
        }
        StringBuilder name = new StringBuilder(DOMAIN).append(":type=").append(value(type));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = keysAndValues[i];
            String val = keysAndValues[i + 1];
            if (val == null) {
                throw new IllegalArgumentException("JMX name key '" + key + "' has no value");
            }
            name.append(',').append(key).append('=').append(value(val));
        }
        try {
            return new ObjectName(name.toString());
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid JMX name: " + name, e);
        }
    }

    /** The pattern matching every bean of {@code type}, such as for a query or a test. */
    public static ObjectName pattern(String type) {
        try {
            return new ObjectName(DOMAIN + ":type=" + value(type) + ",*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException("Not a valid bean type: " + type, e);
        }
    }
}
