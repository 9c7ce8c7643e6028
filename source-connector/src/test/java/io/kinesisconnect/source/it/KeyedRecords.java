package io.kinesisconnect.source.it;

import io.kinesisconnect.processes.StreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Generates records for {@code keys} keys, round-robin, numbering each key's values from 0. */
final class KeyedRecords {

    private final int keys;
    private final int[] next;

    KeyedRecords(int keys) {
        this.keys = keys;
        this.next = new int[keys];
    }

    /** The next {@code count} records, continuing each key's numbering. */
    List<StreamWriter.Entry> next(int count) {
        List<StreamWriter.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int key = i % keys;
            String value = Delivered.value(key, next[key]++);
            entries.add(new StreamWriter.Entry("k" + key, value.getBytes(StandardCharsets.UTF_8)));
        }
        return entries;
    }

    /** Every value generated so far. */
    Set<String> all() {
        Set<String> values = new HashSet<>();
        for (int key = 0; key < keys; key++) {
            for (int n = 0; n < next[key]; n++) {
                values.add(Delivered.value(key, n));
            }
        }
        return values;
    }
}
