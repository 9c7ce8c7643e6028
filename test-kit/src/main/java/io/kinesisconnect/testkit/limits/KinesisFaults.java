package io.kinesisconnect.testkit.limits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The faults a proxy injects: a rate (probability per call, per entry for PutRecords entry
 * failures) for each {@link Fault}, for every API or for one API by its operation name, and the
 * extra latency. {@link #none()} injects nothing.
 *
 * <p>The call-ending faults are drawn with one roll per call, so their rates are exact and must sum
 * to at most 1 for any API. {@link Fault#EXPIRED_ITERATOR} applies to GetRecords only and {@link
 * Fault#PUT_RECORDS_ENTRY_FAILURE} to PutRecords only, whatever API they are set for.
 *
 * <p>Faults can also run on {@link FaultSchedule}s ({@link #withSchedule}): in windows of time, or
 * into every n-th call. A call-ending schedule that hits takes the place of what the rates drew.
 *
 * <pre>{@code
 * KinesisFaults.none()
 *         .with(Fault.INTERNAL_FAILURE, 0.05)
 *         .with(Fault.DROPPED_CONNECTION, 0.01)
 *         .with(Fault.INTERNAL_FAILURE, "ListShards", 0.0)
 *         .withSchedule(FaultSchedule.during(Fault.SERVICE_UNAVAILABLE, "PutRecords",
 *                 Duration.ofSeconds(5), Duration.ofSeconds(8)))
 * }</pre>
 */
public final class KinesisFaults {

    /** The configuration-file key of {@link #latencyMillis()}. */
    public static final String LATENCY_MS_KEY = "fault.latency.ms";

    /** The configuration-file key of {@link #seed()}. */
    public static final String SEED_KEY = "fault.seed";

    static final String KEY_PREFIX = "fault.";

    private static final KinesisFaults NONE =
            new KinesisFaults(
                    new EnumMap<>(Fault.class), new EnumMap<>(Fault.class), 0, null, List.of());

    private final Map<Fault, Double> rates;
    private final Map<Fault, Map<String, Double>> apiRates;
    private final long latencyMillis;
    private final Long seed;
    private final List<FaultSchedule> schedules;

    private KinesisFaults(
            Map<Fault, Double> rates,
            Map<Fault, Map<String, Double>> apiRates,
            long latencyMillis,
            Long seed,
            List<FaultSchedule> schedules) {
        this.rates = rates;
        this.apiRates = apiRates;
        this.latencyMillis = latencyMillis;
        this.seed = seed;
        this.schedules = schedules;
    }

    /** No faults at all. */
    public static KinesisFaults none() {
        return NONE;
    }

    /**
     * The mix the connector ITs run through: 5% {@link Fault#INTERNAL_FAILURE} and 1% {@link
     * Fault#DROPPED_CONNECTION}, seeded. Every call rolls once, in arrival order, so with seed 43
     * the 4th call is dropped and the 5th fails, whatever the timing.
     */
    public static KinesisFaults connectorMix(long seed) {
        return none().with(Fault.INTERNAL_FAILURE, 0.05)
                .with(Fault.DROPPED_CONNECTION, 0.01)
                .withSeed(seed);
    }

    /** The same faults with {@code fault} at {@code rate} for every API without its own rate. */
    public KinesisFaults with(Fault fault, double rate) {
        Map<Fault, Double> changed = new EnumMap<>(rates);
        changed.put(fault, checkRate(fault.key(), rate));
        return new KinesisFaults(changed, apiRates, latencyMillis, seed, schedules).checked();
    }

    /** The same faults with {@code fault} at {@code rate} for the operation {@code api} only. */
    public KinesisFaults with(Fault fault, String api, double rate) {
        Map<Fault, Map<String, Double>> changed = new EnumMap<>(Fault.class);
        apiRates.forEach((f, byApi) -> changed.put(f, new TreeMap<>(byApi)));
        changed.computeIfAbsent(fault, f -> new TreeMap<>())
                .put(api, checkRate(fault.key() + "." + api, rate));
        return new KinesisFaults(rates, changed, latencyMillis, seed, schedules).checked();
    }

    /** The same faults with {@code millis} of latency added when {@link Fault#LATENCY} hits. */
    public KinesisFaults withLatencyMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException(
                    LATENCY_MS_KEY + " was " + millis + "; it must be 0 or more milliseconds");
        }
        return new KinesisFaults(rates, apiRates, millis, seed, schedules);
    }

    /** The same faults drawn from a random sequence seeded with {@code seed}. */
    public KinesisFaults withSeed(long seed) {
        return new KinesisFaults(rates, apiRates, latencyMillis, seed, schedules);
    }

    /**
     * The same faults with {@code schedule} as well: {@code
     * withSchedule(FaultSchedule.during(Fault.INTERNAL_FAILURE, "PutRecords", ofSeconds(5),
     * ofSeconds(8)))}. A call-ending schedule that hits takes the place of whatever the rates drew
     * for the call; the first such schedule, in the order they were added, wins.
     */
    public KinesisFaults withSchedule(FaultSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("A fault schedule must not be null");
        }
        List<FaultSchedule> changed = new ArrayList<>(schedules);
        changed.add(schedule);
        return new KinesisFaults(rates, apiRates, latencyMillis, seed, List.copyOf(changed));
    }

    /** The schedules, in the order they were added. */
    public List<FaultSchedule> schedules() {
        return schedules;
    }

    /** The rate of {@code fault} for the operation {@code api}; 0 where the fault cannot apply. */
    public double rate(Fault fault, String api) {
        if (fault == Fault.EXPIRED_ITERATOR && !ReadGate.GET_RECORDS.equals(api)
                || fault == Fault.PUT_RECORDS_ENTRY_FAILURE && !WriteGate.PUT_RECORDS.equals(api)) {
            return 0;
        }
        Double forApi = apiRates.getOrDefault(fault, Map.of()).get(api);
        return forApi != null ? forApi : rates.getOrDefault(fault, 0.0);
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    /** The seed of the random sequence, or null for an unseeded one. */
    public Long seed() {
        return seed;
    }

    /** Whether no fault can ever be injected. */
    public boolean isNone() {
        return schedules.isEmpty()
                && rates.values().stream().allMatch(r -> r == 0)
                && apiRates.values().stream()
                        .flatMap(m -> m.values().stream())
                        .allMatch(r -> r == 0);
    }

    /**
     * These faults changed by one configuration-file entry, or null when {@code key} is not a fault
     * key. Keys: each {@link Fault#key()}, optionally followed by {@code .Operation}, {@link
     * #LATENCY_MS_KEY} and {@link #SEED_KEY}.
     *
     * @throws IllegalArgumentException naming the key, the value and what is accepted
     */
    KinesisFaults withEntry(String key, String value) {
        if (!key.startsWith(KEY_PREFIX)) {
            return null;
        }
        if (key.equals(LATENCY_MS_KEY)) {
            return withLatencyMillis(parseLong(key, value, "a whole number of milliseconds"));
        }
        if (key.equals(SEED_KEY)) {
            return withSeed(parseLong(key, value, "a whole number"));
        }
        for (Fault fault : Fault.values()) {
            if (key.equals(fault.key())) {
                return with(fault, parseRate(key, value));
            }
            List<FaultSchedule> scheduled = FaultScheduleKeys.parse(fault, key, value);
            if (scheduled != null) {
                KinesisFaults changed = this;
                for (FaultSchedule schedule : scheduled) {
                    changed = changed.withSchedule(schedule);
                }
                return changed;
            }
            if (key.startsWith(fault.key() + ".")) {
                String api = key.substring(fault.key().length() + 1);
                if (!api.isEmpty()) {
                    return with(fault, api, parseRate(key, value));
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown fault setting '"
                        + key
                        + "'; the keys are "
                        + keys()
                        + ", each rate optionally followed by .<Operation> such as "
                        + Fault.INTERNAL_FAILURE.key()
                        + ".PutRecords, and the schedules <fault>.window[.<Operation>] and"
                        + " <fault>.every[.<Operation>] such as "
                        + Fault.INTERNAL_FAILURE.baseKey()
                        + ".window.PutRecords=5s-8s");
    }

    /** Every configuration-file key of the faults, for help and messages. */
    static String keys() {
        return Arrays.stream(Fault.values()).map(Fault::key).collect(Collectors.joining(", "))
                + ", "
                + LATENCY_MS_KEY
                + ", "
                + SEED_KEY;
    }

    @Override
    public String toString() {
        if (isNone()) {
            return "no faults";
        }
        StringBuilder out = new StringBuilder();
        for (Fault fault : Fault.values()) {
            double rate = rates.getOrDefault(fault, 0.0);
            if (rate > 0) {
                out.append(out.isEmpty() ? "" : ", ").append(fault.key()).append('=').append(rate);
            }
            apiRates.getOrDefault(fault, Map.of())
                    .forEach(
                            (api, r) ->
                                    out.append(out.isEmpty() ? "" : ", ")
                                            .append(fault.key())
                                            .append('.')
                                            .append(api)
                                            .append('=')
                                            .append(r));
        }
        if (latencyMillis > 0) {
            out.append(", ").append(LATENCY_MS_KEY).append('=').append(latencyMillis);
        }
        if (seed != null) {
            out.append(", ").append(SEED_KEY).append('=').append(seed);
        }
        schedules.forEach(
                schedule -> out.append(out.isEmpty() ? "" : ", ").append(schedule.label()));
        return out.toString();
    }

    /** Refuses call-ending rates that sum above 1 for any API. */
    private KinesisFaults checked() {
        Set<String> apis = new HashSet<>();
        apiRates.values().forEach(m -> apis.addAll(m.keySet()));
        apis.add(ReadGate.GET_RECORDS);
        apis.add("any other operation");
        for (String api : apis) {
            double sum = 0;
            for (Fault fault : Fault.values()) {
                sum += fault.endsCall() ? rate(fault, api) : 0;
            }
            if (sum > 1.0 + 1e-9) {
                throw new IllegalArgumentException(
                        "The rates of the faults that end a call sum to "
                                + sum
                                + " for "
                                + api
                                + "; "
                                + Fault.INTERNAL_FAILURE.key()
                                + ", "
                                + Fault.SERVICE_UNAVAILABLE.key()
                                + ", "
                                + Fault.DROPPED_CONNECTION.key()
                                + " and "
                                + Fault.EXPIRED_ITERATOR.key()
                                + " must sum to at most 1");
            }
        }
        return this;
    }

    private static double checkRate(String key, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(
                    key + " was " + rate + "; it must be a probability from 0 to 1");
        }
        return rate;
    }

    private static double parseRate(String key, String value) {
        try {
            return checkRate(key, Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    key
                            + " was '"
                            + value
                            + "'; it accepts a probability from 0 to 1, such as 0.05");
        }
    }

    private static long parseLong(String key, String value, String accepted) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= 0 || key.equals(SEED_KEY)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message that says what is accepted.
        }
        throw new IllegalArgumentException(key + " was '" + value + "'; it accepts " + accepted);
    }
}
