package io.kinesisconnect.processes;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How to run an emulator.
 *
 * @param tls kinesalite only: serve HTTPS (with its built-in, expired certificate) instead of HTTP.
 *     kinesis-mock always serves both.
 * @param dataDirectory where the emulator persists its streams, so that a {@link
 *     EmulatorProcess#restart()} keeps them; empty keeps everything in memory
 * @param environment extra environment variables, for example kinesis-mock's operation delays
 */
public record EmulatorOptions(
        boolean tls, Optional<Path> dataDirectory, Map<String, String> environment) {

    public EmulatorOptions {
        dataDirectory = dataDirectory == null ? Optional.empty() : dataDirectory;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** In memory, plain HTTP (plus TLS for kinesis-mock), no extra settings. */
    public static EmulatorOptions defaults() {
        return new EmulatorOptions(false, Optional.empty(), Map.of());
    }

    /** The same options, with the emulator's data kept in {@code directory} across restarts. */
    public EmulatorOptions persistingTo(Path directory) {
        return new EmulatorOptions(tls, Optional.of(directory), environment);
    }

    /** The same options, with kinesalite serving HTTPS. */
    public EmulatorOptions withTls() {
        return new EmulatorOptions(true, dataDirectory, environment);
    }
}
