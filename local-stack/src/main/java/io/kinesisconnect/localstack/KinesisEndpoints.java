package io.kinesisconnect.localstack;

import io.kinesisconnect.processes.EmulatorProcess;
import java.net.URI;

/**
 * Where a Kinesis endpoint answers: plain HTTP for the source's SDK client, and HTTPS, the only
 * scheme the sink's KPL speaks. A local emulator or a container may serve either.
 */
public record KinesisEndpoints(URI http, URI https) {

    /** The plain and TLS ports of a local emulator process. */
    public static KinesisEndpoints of(EmulatorProcess emulator) {
        return new KinesisEndpoints(
                emulator.endpoint(), URI.create("https://127.0.0.1:" + emulator.tlsPort()));
    }
}
