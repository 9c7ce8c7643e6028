package io.kinesisconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinesisconnect.processes.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bin/quickstart --exit-after-demo}, as a user runs it: records flow both ways, the
 * summary says so, and no process of the run is left afterwards.
 */
class QuickstartIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void theQuickstartShowsRecordsFlowingBothWaysAndLeavesNoProcessBehind()
            throws IOException, InterruptedException {
        Path repo = Paths.get(System.getProperty("kc.repo")).toAbsolutePath();
        Path dir = E2ePaths.runDirectory("quickstart");
        Path output = dir.resolveSibling(dir.getFileName() + ".out");
        Process quickstart =
                new ProcessBuilder(
                                repo.resolve("bin/quickstart").toString(),
                                "--exit-after-demo",
                                "--records",
                                "400",
                                "--dir",
                                dir.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
        try {
            boolean finished = quickstart.waitFor(RUN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(finished).as("the quickstart finished:\n%s", log).isTrue();
            assertThat(quickstart.exitValue()).as(log).isZero();
            assertThat(log)
                    .contains("Data and logs: " + dir)
                    .contains("kinesis→kafka  400/400 records")
                    .contains("kafka→kinesis  400/400 records")
                    .contains("statefun       40/40 records")
                    .contains("Stopped everything");
        } finally {
            quickstart.descendants().forEach(ProcessHandle::destroyForcibly);
            quickstart.destroyForcibly();
        }
        // Every process of the run names the run's folder on its command line.
        Await.until(
                "no process of the quickstart to be left",
                Duration.ofSeconds(30),
                () -> processesMentioning(dir).isEmpty(),
                () -> processesMentioning(dir).toString());
        assertThat(dir.resolve("quickstart.pid")).doesNotExist();
    }

    private static List<String> processesMentioning(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(
                        p ->
                                p.info().commandLine().orElse("").contains(dir.toString())
                                        || p.info().command().orElse("").contains(dir.toString()))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .toList();
    }
}
