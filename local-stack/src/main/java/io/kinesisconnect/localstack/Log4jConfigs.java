package io.kinesisconnect.localstack;

import java.nio.file.Path;

/**
 * Logging configurations for the broker and worker JVMs: INFO to standard output, into the log
 * file.
 */
public final class Log4jConfigs {

    private Log4jConfigs() {}

    /** log4j2 (Kafka 4.x), in the properties format, which needs no extra jar. */
    public static Path log4j2(Path dir) {
        Path file = dir.resolve("log4j2.properties");
        StackFiles.write(
                file,
                String.join(
                        "\n",
                        "status = warn",
                        "appender.out.type = Console",
                        "appender.out.name = OUT",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.out.ref = OUT",
                        "logger.reflections.name = org.reflections",
                        "logger.reflections.level = ERROR",
                        ""));
        return file;
    }

    /** log4j 1 properties (Connect 3.7 logs through reload4j). */
    public static Path log4j1(Path dir) {
        Path file = dir.resolve("log4j.properties");
        StackFiles.write(
                file,
                String.join(
                        "\n",
                        "log4j.rootLogger=INFO, out",
                        "log4j.appender.out=org.apache.log4j.ConsoleAppender",
                        "log4j.appender.out.layout=org.apache.log4j.PatternLayout",
                        "log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n",
                        "log4j.logger.org.reflections=ERROR",
                        ""));
        return file;
    }
}
