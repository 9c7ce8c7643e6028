package io.kinesisconnect.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends a POSIX signal to a process and everything it started, through {@code kill}: Java can only
 * terminate processes, and the fault tests also need SIGSTOP and SIGCONT.
 */
public final class ProcessSignals {

    private ProcessSignals() {}

    /**
     * Sends {@code signal} (a name such as {@code STOP} or {@code CONT}) to {@code process} and its
     * descendants.
     */
    public static void send(ProcessHandle process, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        command.add(Long.toString(process.pid()));
        process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not send SIG" + signal + " to pid " + process.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
