package io.kinesisconnect.testkit.limits;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An HTTP answer: from the upstream emulator, or made by the proxy when it refuses a call. */
record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

    static final String JSON = "application/x-amz-json-1.1";

    /** A JSON answer made by the proxy, with the headers AWS sends. */
    static HttpReply json(int status, String body, String errorType) {
        Map<String, List<String>> headers =
                errorType == null
                        ? Map.of(
                                "Content-Type", List.of(JSON),
                                "x-amzn-RequestId", List.of(UUID.randomUUID().toString()))
                        : Map.of(
                                "Content-Type", List.of(JSON),
                                "x-amzn-RequestId", List.of(UUID.randomUUID().toString()),
                                "x-amzn-ErrorType", List.of(errorType));
        return new HttpReply(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    boolean ok() {
        return status == 200;
    }
}
