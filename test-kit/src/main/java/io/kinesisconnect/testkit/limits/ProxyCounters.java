package io.kinesisconnect.testkit.limits;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What the proxy allowed and refused, per API and per scope (a shard for the data plane, a stream
 * or the account for the control plane), and the faults it injected per API. PutRecords counts
 * entries, every other API counts calls; a PutRecords entry failure counts entries.
 *
 * <p>A call that an injected fault ended is counted under {@link #injected} only, not as allowed or
 * refused.
 *
 * <p>Bytes are counted as AWS charges them against a shard's budget (data plus partition key; an
 * aggregated record at its full size): those of admitted PutRecords entries and PutRecord calls,
 * and those GetRecords answered, after any cut.
 */
public final class ProxyCounters {

    private final Map<String, Map<String, Counts>> byApi = new ConcurrentHashMap<>();
    private final Map<Fault, Map<String, LongAdder>> injected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> transcoded = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> scheduled = new ConcurrentHashMap<>();

    void countScheduled(FaultSchedule schedule) {
        scheduled.computeIfAbsent(schedule.label(), l -> new LongAdder()).increment();
    }

    /**
     * How often {@code schedule} decided a call's fault (an entry's, for PutRecords entry
     * failures); these are counted under {@link #injected(Fault, String)} as well.
     */
    public long scheduled(FaultSchedule schedule) {
        LongAdder count = scheduled.get(schedule.label());
        return count == null ? 0 : count.sum();
    }

    void countTranscoded(String api) {
        transcoded.computeIfAbsent(api, a -> new LongAdder()).increment();
    }

    /** Calls of {@code api} that arrived in CBOR and were transcoded to JSON. */
    public long transcoded(String api) {
        LongAdder count = transcoded.get(api);
        return count == null ? 0 : count.sum();
    }

    /** Calls that arrived in CBOR and were transcoded to JSON, over every API. */
    public long transcoded() {
        return transcoded.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void injected(Fault fault, String api, long n) {
        injected.computeIfAbsent(fault, f -> new ConcurrentHashMap<>())
                .computeIfAbsent(api, a -> new LongAdder())
                .add(n);
    }

    /** How often {@code fault} was injected, over every API (entries, for entry failures). */
    public long injected(Fault fault) {
        return injected.getOrDefault(fault, Map.of()).values().stream()
                .mapToLong(LongAdder::sum)
                .sum();
    }

    /** How often {@code fault} was injected into calls of {@code api}. */
    public long injected(Fault fault, String api) {
        LongAdder count = injected.getOrDefault(fault, Map.of()).get(api);
        return count == null ? 0 : count.sum();
    }

    void allowed(String api, String scope, long n) {
        counts(api, scope).allowed.add(n);
    }

    void refused(String api, String scope, long n) {
        counts(api, scope).refused.add(n);
    }

    void bytes(String api, String scope, long n) {
        counts(api, scope).bytes.add(n);
    }

    /**
     * Bytes that {@code api} wrote (PutRecords, PutRecord) or returned (GetRecords), over every
     * scope.
     */
    public long bytes(String api) {
        return byApi.getOrDefault(api, Map.of()).values().stream()
                .mapToLong(c -> c.bytes.sum())
                .sum();
    }

    /** Bytes that {@code api} wrote or returned within {@code scope}, such as a shard. */
    public long bytes(String api, String scope) {
        Counts counts = byApi.getOrDefault(api, Map.of()).get(scope);
        return counts == null ? 0 : counts.bytes.sum();
    }

    /** Calls (entries, for PutRecords) of {@code api} forwarded upstream, over every scope. */
    public long allowed(String api) {
        return sum(api, true);
    }

    /** Calls (entries, for PutRecords) of {@code api} the proxy refused, over every scope. */
    public long refused(String api) {
        return sum(api, false);
    }

    /**
     * Forwarded calls or entries of {@code api} within {@code scope}, such as {@code
     * stream/shardId}.
     */
    public long allowed(String api, String scope) {
        Counts counts = byApi.getOrDefault(api, Map.of()).get(scope);
        return counts == null ? 0 : counts.allowed.sum();
    }

    /** Refused calls or entries of {@code api} within {@code scope}. */
    public long refused(String api, String scope) {
        Counts counts = byApi.getOrDefault(api, Map.of()).get(scope);
        return counts == null ? 0 : counts.refused.sum();
    }

    /** Refusals of every API. */
    public long totalRefused() {
        return byApi.keySet().stream().mapToLong(this::refused).sum();
    }

    /**
     * One line for logs and the standalone proxy's periodic output: {@code api allowed/refused
     * [scope allowed/refused ...]} for each API seen, in name order.
     */
    public String summary() {
        if (byApi.isEmpty() && injected.isEmpty()) {
            return "no calls yet";
        }
        String limits = limitSummary();
        String faults = faultSummary();
        String summary =
                faults.isEmpty()
                        ? limits
                        : (limits.isEmpty() ? "" : limits + "; ") + "injected: " + faults;
        if (!scheduled.isEmpty()) {
            summary +=
                    "; scheduled: "
                            + new TreeMap<>(scheduled)
                                    .entrySet().stream()
                                            .map(e -> e.getKey() + " " + e.getValue().sum())
                                            .collect(Collectors.joining(", "));
        }
        long cbor = transcoded();
        return cbor == 0 ? summary : summary + "; cbor calls: " + cbor;
    }

    /** {@code fault n [api n, ...]} for each fault injected, in {@link Fault} order. */
    private String faultSummary() {
        return Arrays.stream(Fault.values())
                .filter(injected::containsKey)
                .map(
                        fault ->
                                fault.name().toLowerCase(Locale.ROOT)
                                        + " "
                                        + injected(fault)
                                        + " ["
                                        + new TreeMap<>(injected.get(fault))
                                                .entrySet().stream()
                                                        .map(e -> e.getKey() + " " + e.getValue())
                                                        .collect(Collectors.joining(", "))
                                        + "]")
                .collect(Collectors.joining("; "));
    }

    private String limitSummary() {
        return new TreeMap<>(byApi)
                .entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + " "
                                                + allowed(e.getKey())
                                                + "/"
                                                + refused(e.getKey())
                                                + " ["
                                                + scopes(e.getValue())
                                                + "]")
                        .collect(Collectors.joining("; "));
    }

    private static String scopes(Map<String, Counts> byScope) {
        return new TreeMap<>(byScope)
                .entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + " "
                                                + e.getValue().allowed.sum()
                                                + "/"
                                                + e.getValue().refused.sum())
                        .collect(Collectors.joining(", "));
    }

    private long sum(String api, boolean allowed) {
        return byApi.getOrDefault(api, Map.of()).values().stream()
                .mapToLong(c -> (allowed ? c.allowed : c.refused).sum())
                .sum();
    }

    private Counts counts(String api, String scope) {
        return byApi.computeIfAbsent(api, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(scope, s -> new Counts());
    }

    private static final class Counts {
        private final LongAdder allowed = new LongAdder();
        private final LongAdder refused = new LongAdder();
        private final LongAdder bytes = new LongAdder();
    }
}
