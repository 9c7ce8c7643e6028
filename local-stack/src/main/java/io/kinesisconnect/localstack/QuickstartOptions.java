package io.kinesisconnect.localstack;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The quickstart's command line.
 *
 * @param repo the repository root: config/, bin/, the built archive and worker jars
 * @param dir the one folder for every log and all data of a run
 * @param records how many sample records go each way
 * @param exitAfterDemo stop everything after the summary instead of waiting for Ctrl-C
 */
public record QuickstartOptions(Path repo, Path dir, int records, boolean exitAfterDemo) {

    static final String USAGE =
            "usage: quickstart [--records N] [--dir FOLDER] [--exit-after-demo] | --stop";

    /** Parses {@code args}; the repository root comes from the system property kc.repo. */
    static QuickstartOptions parse(String[] args) {
        Path repo = Paths.get(System.getProperty("kc.repo", ".")).toAbsolutePath().normalize();
        Path dir = repo.resolve("target").resolve("quickstart");
        int records = 2_000;
        boolean exitAfterDemo = false;
        Iterator<String> it = Arrays.asList(args).iterator();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "--exit-after-demo" -> exitAfterDemo = true;
                case "--records" -> records = Integer.parseInt(value(arg, it));
                case "--dir" -> dir = Paths.get(value(arg, it)).toAbsolutePath().normalize();
                default ->
                        throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (records < 1) {
            throw new IllegalArgumentException("--records must be at least 1, not " + records);
        }
        return new QuickstartOptions(repo, dir, records, exitAfterDemo);
    }

    private static String value(String option, Iterator<String> it) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return it.next();
    }
}
