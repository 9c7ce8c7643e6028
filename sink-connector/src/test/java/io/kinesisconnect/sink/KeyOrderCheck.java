package io.kinesisconnect.sink;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks per-key order in what landed: records carry a key and that key's sequence number 0, 1,
 * 2..., and are given in landing order (shard by shard, parents before children, by sequence and
 * sub-sequence number). A replayed duplicate is set aside; a first landing of n after a first
 * landing of some m > n of the same key is a violation.
 */
public final class KeyOrderCheck {

    /** One user record as landed: its key and its sequence within the key. */
    public record Landed(String key, long sequence) {}

    /**
     * @param violations first landings that came after a later record of their key
     * @param duplicates landings beyond the first of the same record
     * @param lost expected records that never landed
     */
    public record Result(long violations, long duplicates, long lost) {
        @Override
        public String toString() {
            return "violations=" + violations + " duplicates=" + duplicates + " lost=" + lost;
        }
    }

    private KeyOrderCheck() {}

    /** Checks {@code landed} against {@code expected}: key to how many records it has. */
    public static Result check(List<Landed> landed, Map<String, Long> expected) {
        Set<Landed> seen = new HashSet<>();
        Map<String, Long> highest = new HashMap<>();
        long violations = 0;
        long duplicates = 0;
        for (Landed l : landed) {
            if (!seen.add(l)) {
                duplicates++;
                continue;
            }
            long before = highest.getOrDefault(l.key(), -1L);
            if (l.sequence() < before) {
                violations++;
            }
            highest.put(l.key(), Math.max(before, l.sequence()));
        }
        long lost = 0;
        for (Map.Entry<String, Long> e : expected.entrySet()) {
            for (long s = 0; s < e.getValue(); s++) {
                if (!seen.contains(new Landed(e.getKey(), s))) {
                    lost++;
                }
            }
        }
        return new Result(violations, duplicates, lost);
    }
}
