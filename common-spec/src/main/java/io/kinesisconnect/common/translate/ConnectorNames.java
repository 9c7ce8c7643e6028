package io.kinesisconnect.common.translate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Derives connector names from component ids: {@code com.example/users} becomes {@code
 * statefun-com-example-users-source}. Names are safe in REST paths and file names; clashes get
 * {@code -2}, {@code -3}... in input order, so the same input always gives the same names.
 */
public final class ConnectorNames {
    private static final String PREFIX = "statefun-";

    private ConnectorNames() {}

    /** The name for a component id before de-duplication. */
    public static String derive(String id, String suffix) {
        String slug =
                id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return PREFIX + (slug.isEmpty() ? "component" : slug) + "-" + suffix;
    }

    /** {@code wanted} names made unique, keeping order. */
    public static List<String> deduplicate(List<String> wanted) {
        Set<String> reserved = new HashSet<>(wanted);
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (String name : wanted) {
            String candidate = name;
            // A numbered name must not take another component's own name either.
            for (int n = 2;
                    used.contains(candidate)
                            || (!candidate.equals(name) && reserved.contains(candidate));
                    n++) {
                candidate = name + "-" + n;
            }
            used.add(candidate);
            names.add(candidate);
        }
        return names;
    }
}
