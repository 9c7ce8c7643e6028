package io.kinesisconnect.common.aws;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Loads a user's {@link AwsCredentialsProvider} class by name, with errors that say what to fix.
 */
final class CustomProviderLoader {
    private CustomProviderLoader() {}

    /** The problem with {@code className}, or empty if it can be loaded. */
    static Optional<String> check(String className) {
        try {
            load(className);
            return Optional.empty();
        } catch (ConfigException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A provider from the class's static {@code create()} or its public no-argument constructor.
     */
    static AwsCredentialsProvider create(String className) {
        Class<? extends AwsCredentialsProvider> type = load(className);
        try {
            Method create = findCreate(type);
            Object provider =
                    create != null ? create.invoke(null) : type.getConstructor().newInstance();
            return (AwsCredentialsProvider) provider;
        } catch (InvocationTargetException e) {
            throw new ConfigException(
                    "Credentials provider class "
                            + className
                            + " failed to start: "
                            + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigException(
                    "Credentials provider class "
                            + className
                            + " needs a public static create() method or a public no-argument constructor");
        }
    }

    private static Class<? extends AwsCredentialsProvider> load(String className) {
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type =
                    Class.forName(
                            className,
                            false,
                            loader != null ? loader : CustomProviderLoader.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException(
                    "Credentials provider class "
                            + className
                            + " was not found; put its jar in the connector's plugin directory");
        }
        if (!AwsCredentialsProvider.class.isAssignableFrom(type)) {
            throw new ConfigException(
                    "Credentials provider class "
                            + className
                            + " does not implement "
                            + AwsCredentialsProvider.class.getName()
                            + " (AWS SDK v2)");
        }
        return type.asSubclass(AwsCredentialsProvider.class);
    }

    private static Method findCreate(Class<?> type) {
        try {
            Method m = type.getMethod("create");
            return Modifier.isStatic(m.getModifiers())
                            && AwsCredentialsProvider.class.isAssignableFrom(m.getReturnType())
                    ? m
                    : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
