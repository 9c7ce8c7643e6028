package io.kinesisconnect.localstack;

import io.kinesisconnect.processes.Await;
import io.kinesisconnect.processes.ProcessSignals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java process started from a folder of jars, with its output in a log file. It is killed, with
 * every process it started (such as a KPL child), on {@link #close()}, on {@link #kill()}, and by a
 * shutdown hook if the JVM that started it exits first.
 */
public final class JvmProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JvmProcess.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);

    /** Options that keep the JVMs small and quick to start on a 2-core machine. */
    private static final List<String> JVM_OPTIONS =
            List.of(
                    "-Xms64m",
                    "-Xmx768m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Djava.net.preferIPv4Stack=true",
                    "-Djava.awt.headless=true");

    private final String name;
    private final Path logFile;
    private final Process process;
    private final Thread shutdownHook;

    private JvmProcess(String name, Path logFile, Process process) {
        this.name = name;
        this.logFile = logFile;
        this.process = process;
        this.shutdownHook = new Thread(() -> killTree(process), "kill-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code mainClass} with every jar of {@code libDir} on the class path.
     *
     * @param systemProperties extra -D options, such as the logging configuration
     */
    public static JvmProcess start(
            String name,
            Path libDir,
            List<String> systemProperties,
            String mainClass,
            List<String> args,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(JVM_OPTIONS);
        command.addAll(systemProperties);
        command.add("-cp");
        command.add(libDir.toAbsolutePath() + "/*");
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                            .start();
            log.info("Started {} pid={} log={}", name, process.pid(), logFile);
            return new JvmProcess(name, logFile, process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs {@code mainClass} to its end and returns its output; fails on a non-zero exit. */
    public static String run(
            String name, Path libDir, String mainClass, List<String> args, Path logFile) {
        try (JvmProcess jvm = start(name, libDir, List.of(), mainClass, args, logFile)) {
            Await.until(name + " to finish", Duration.ofMinutes(2), () -> !jvm.process.isAlive());
            String output = jvm.log();
            if (jvm.process.exitValue() != 0) {
                throw new IllegalStateException(
                        name + " exited with " + jvm.process.exitValue() + ":\n" + output);
            }
            return output;
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** The whole log so far. */
    public String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        List<String> lines = log().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** Waits until the log holds {@code text}; fails early if the process dies. */
    public void awaitLog(String text, Duration timeout) {
        Await.until(
                name + " to log '" + text + "'",
                timeout,
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                name + " exited with " + process.exitValue() + ":\n" + tail());
                    }
                    return log().contains(text);
                });
    }

    /** SIGKILL for the process and everything it started: a crash, nothing is flushed. */
    public void kill() {
        killTree(process);
        log.info("Killed {} pid={}", name, process.pid());
    }

    /**
     * SIGSTOP for the process and everything it started: it stays alive with its sockets open but
     * runs no code, like a JVM in a long pause, until {@link #thaw()}.
     */
    public void freeze() {
        signal("STOP");
        log.info("Froze {} pid={}", name, process.pid());
    }

    /** SIGCONT: a frozen process runs on from where it stopped. */
    public void thaw() {
        signal("CONT");
        log.info("Thawed {} pid={}", name, process.pid());
    }

    private void signal(String signal) {
        ProcessSignals.send(process.toHandle(), signal);
    }

    /** SIGTERM, then SIGKILL after a grace period, then the same for any leftover children. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}; killing it", name, GRACEFUL_STOP);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
        killTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            log.debug("JVM is shutting down; the hook kills {}", name);
        }
    }

    private static void killTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(0, process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Process {} did not exit after SIGKILL", handle.pid(), e);
            }
        }
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
