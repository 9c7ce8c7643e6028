package io.kinesisconnect.source.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plugin ships the KCL without its dependencies (DynamoDB, CloudWatch, Glue, Kotlin...). This
 * proves the trimmed set is enough: the deaggregator is loaded the way a worker loads the plugin,
 * from the module's own runtime classpath over a parent that has only what the worker provides, and
 * expands a real aggregate there.
 */
class DeaggregatorClasspathTest {

    private static final Path BUILD = Paths.get(System.getProperty("kc.build.dir", "target"));

    @Test
    void theTrimmedRuntimeClasspathHoldsNoneOfTheKclsHeavyDependencies() throws IOException {
        List<String> jars = jarNames(BUILD.resolve("classpath/plugin-runtime.txt"));

        assertThat(jars).anyMatch(j -> j.startsWith("amazon-kinesis-client-"));
        assertThat(jars)
                .noneMatch(
                        j ->
                                j.matches(
                                        "(dynamodb|cloudwatch|glue|schema-registry|kotlin|rxjava|wire-).*"));
    }

    @Test
    void deaggregationWorksOnThePluginsOwnRuntimeClasspath() throws Exception {
        try (URLClassLoader worker =
                        new URLClassLoader(
                                urls(BUILD.resolve("classpath/worker-provided.txt"), null),
                                ClassLoader.getPlatformClassLoader());
                URLClassLoader plugin =
                        new URLClassLoader(
                                urls(
                                        BUILD.resolve("classpath/plugin-runtime.txt"),
                                        BUILD.resolve("classes")),
                                worker)) {
            Class<?> recordType =
                    plugin.loadClass("software.amazon.awssdk.services.kinesis.model.Record");
            Class<?> bytesType = plugin.loadClass("software.amazon.awssdk.core.SdkBytes");
            Object builder = recordType.getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass().getInterfaces()[0];
            builderType.getMethod("sequenceNumber", String.class).invoke(builder, "1");
            builderType.getMethod("partitionKey", String.class).invoke(builder, "outer");
            Object data =
                    bytesType
                            .getMethod("fromByteArray", byte[].class)
                            .invoke(
                                    null,
                                    (Object)
                                            Aggregates.of(
                                                    List.of("a", "b"), List.of("x", "y", "z")));
            builderType.getMethod("data", bytesType).invoke(builder, data);
            Object record = builderType.getMethod("build").invoke(builder);

            Class<?> deaggregatorType = plugin.loadClass(Deaggregator.class.getName());
            assertThat(deaggregatorType.getClassLoader()).isSameAs(plugin);
            Object deaggregator = deaggregatorType.getConstructor(boolean.class).newInstance(true);
            List<?> users =
                    (List<?>)
                            deaggregatorType
                                    .getMethod("expand", List.class)
                                    .invoke(deaggregator, List.of(record));

            // Through the converter, as the task does: reflection over the KCL record itself would
            // resolve every method signature, including the Glue types the plugin leaves out.
            Class<?> shardType = plugin.loadClass("io.kinesisconnect.source.kinesis.ShardRef");
            Object shard =
                    shardType
                            .getConstructor(String.class, String.class)
                            .newInstance("s", "shardId-0");
            Class<?> routesType = plugin.loadClass(StreamRoutes.class.getName());
            Object routes =
                    routesType
                            .getConstructor(java.util.Map.class, java.util.Map.class)
                            .newInstance(
                                    java.util.Map.of("s", List.of("topic")), java.util.Map.of());
            Class<?> converterType = plugin.loadClass(RecordConverter.class.getName());
            Object converter = converterType.getConstructor(routesType).newInstance(routes);
            Method convert =
                    converterType.getMethod(
                            "convert",
                            shardType,
                            plugin.loadClass(
                                    "software.amazon.kinesis.retrieval.KinesisClientRecord"));
            List<String> keys = new ArrayList<>();
            for (Object user : users) {
                for (Object sourceRecord : (List<?>) convert.invoke(converter, shard, user)) {
                    String text = sourceRecord.toString();
                    keys.add(text.substring(text.indexOf("key=") + 4, text.indexOf(", keySchema")));
                }
            }
            assertThat(keys).containsExactly("a", "b", "a");
        }
    }

    private static List<String> jarNames(Path classpathFile) throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry :
                Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            names.add(Paths.get(entry).getFileName().toString());
        }
        return names;
    }

    private static URL[] urls(Path classpathFile, Path extra) throws IOException {
        List<URL> urls = new ArrayList<>();
        if (extra != null) {
            urls.add(extra.toUri().toURL());
        }
        String content = Files.readString(classpathFile).trim();
        if (!content.isEmpty()) {
            for (String entry : content.split(java.io.File.pathSeparator)) {
                urls.add(Paths.get(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
