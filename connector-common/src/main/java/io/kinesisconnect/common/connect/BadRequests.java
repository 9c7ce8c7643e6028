package io.kinesisconnect.common.connect;

import java.lang.reflect.Constructor;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Errors in user input that reach Connect through a connector method, such as {@code alterOffsets},
 * should answer the REST call with 400 and the message, not 500. Connect's REST layer gives 400
 * only for its own BadRequestException, which lives in the worker runtime rather than the plugin
 * API, so it is found at run time through the worker's class loader. On a worker without it the
 * error is a plain ConnectException: same message, status 500.
 */
public final class BadRequests {

    private static final String RUNTIME_CLASS =
            "org.apache.kafka.connect.runtime.rest.errors.BadRequestException";

    private BadRequests() {}

    /** A ConnectException that Connect's REST API reports as 400 with {@code message}. */
    public static ConnectException of(String message) {
        try {
            Class<?> type = Class.forName(RUNTIME_CLASS, true, BadRequests.class.getClassLoader());
            Constructor<?> constructor = type.getConstructor(String.class);
            Object exception = constructor.newInstance(message);
            if (exception instanceof ConnectException connectException) {
                return connectException;
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            // Not running inside a Connect worker (a unit test, say): a plain ConnectException.
        }
        return new ConnectException(message);
    }
}
